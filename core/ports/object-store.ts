/** Where uploads arrive and reports are written: S3 in AWS, the local S3 server on a laptop. */
export interface ObjectStore {
  /** Streams an object's bytes; the stream is consumed once. */
  read(key: string): Promise<AsyncIterable<Uint8Array>>;
  /** Returns undefined instead of throwing when the object does not exist. */
  readText(key: string): Promise<string | undefined>;
  write(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
}
