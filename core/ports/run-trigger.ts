/**
 * Starts a segmentation run without waiting for it: an asynchronous Lambda invoke in AWS and on
 * the local stack alike. The run itself is idempotent per as-of date and guarded by its lock.
 */
export interface RunTrigger {
  startRun(request: { asOf?: string }): Promise<void>;
}
