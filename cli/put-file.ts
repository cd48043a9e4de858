import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const s3ErrorOf = (xml: string): string => {
  const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1];
  return [code, message].filter(Boolean).join(': ') || xml.slice(0, 200);
};

/**
 * PUTs a file to a presigned S3 URL, streaming it from disk and reporting bytes sent. Node's
 * http client rather than fetch: S3 wants a Content-Length on a presigned PUT, and fetch would
 * only stream a body with chunked encoding.
 */
export const putFile = async ({
  url,
  path,
  onProgress,
}: {
  url: string;
  path: string;
  onProgress?: (sent: number, total: number) => void;
}): Promise<void> => {
  const { size } = await stat(path);
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  await new Promise<void>((resolve, reject) => {
    const put = request(
      target,
      { method: 'PUT', headers: { 'content-length': String(size) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else {
            const reason = s3ErrorOf(Buffer.concat(chunks).toString('utf8'));
            reject(new Error(`uploading ${path} failed with ${status}: ${reason}`));
          }
        });
        response.on('error', reject);
      },
    );
    put.on('error', (error) => reject(new Error(`uploading ${path} failed: ${error.message}`)));
    let sent = 0;
    const file = createReadStream(path);
    file.on('data', (chunk) => {
      sent += chunk.length;
      onProgress?.(sent, size);
    });
    file.on('error', (error) => put.destroy(error));
    file.pipe(put);
  });
};
