import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { localLambdaContext } from './local-lambda-context';
import { sqsEventForS3Record } from './local-upload-queue';
import type { LocalS3EventRecord } from './start-s3-server';

type IngestHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Like the upload queue's maxReceiveCount: a message that fails this often is dead-lettered. */
const MAX_RECEIVES = 3;

export interface LocalIngestTrigger {
  /** Queues one S3 notification as the bucket would. */
  deliver(record: LocalS3EventRecord): void;
  /** Resolves when every queued notification has been handled. */
  idle(): Promise<void>;
  deadLetters(): SQSEvent[];
}

/**
 * The local stand-in for S3 → SQS → Lambda: notifications under `imports/` are queued and handed
 * to the real ingest handler one at a time (the function's reserved concurrency is 1), with the
 * queue's retry and dead-letter behaviour.
 */
export const createLocalIngestTrigger = (
  handler: IngestHandler,
  { onError = () => undefined }: { onError?: (error: unknown) => void } = {},
): LocalIngestTrigger => {
  const deadLetters: SQSEvent[] = [];
  let chain: Promise<void> = Promise.resolve();

  const handle = async (event: SQSEvent): Promise<void> => {
    for (let receive = 1; receive <= MAX_RECEIVES; receive++) {
      try {
        const response = await handler(event, localLambdaContext('shoal-ingest-upload'));
        if (response.batchItemFailures.length === 0) return;
      } catch (error) {
        onError(error);
      }
    }
    deadLetters.push(event);
  };

  return {
    deliver(record) {
      if (
        !record.eventName.startsWith('ObjectCreated') ||
        !record.s3.object.key.startsWith('imports/')
      ) {
        return;
      }
      const event = sqsEventForS3Record(record);
      chain = chain.then(() => handle(event));
    },
    idle: () => chain,
    deadLetters: () => [...deadLetters],
  };
};
