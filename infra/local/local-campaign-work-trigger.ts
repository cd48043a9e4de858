import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { CAMPAIGN_WORK_PREFIX } from '../../adapters/aws/object-store-campaign-work-queue';
import { localLambdaContext } from './local-lambda-context';
import { sqsEventForS3Record } from './local-upload-queue';
import type { LocalS3EventRecord } from './start-s3-server';

type WorkHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Like the work queues' maxReceiveCount: a message that fails this often is dead-lettered. */
const MAX_RECEIVES = 3;

export interface LocalCampaignWorkTrigger {
  /** Hands one S3 object event to the function its key's queue feeds, as S3 → SQS would. */
  deliver(record: LocalS3EventRecord): void;
  /** Resolves when no work is running or waiting, deferred items included. */
  idle(): Promise<void>;
  deadLetters(): SQSEvent[];
  /** Drops deferred items still waiting (the stack is stopping). */
  stop(): void;
}

/**
 * The local stand-in for S3 → SQS → Lambda of campaign work: dispatch items go to the dispatcher
 * one at a time, send items to at most `senderConcurrency` senders at once (the event source's
 * maximum concurrency), and deferred items to the dispatcher after `deferredDelayMs` (the delayed
 * queue's delivery delay, shorter on a laptop so a scheduled send starts close to its time).
 */
export const createLocalCampaignWorkTrigger = ({
  dispatch,
  send,
  senderConcurrency,
  deferredDelayMs,
  onError = () => undefined,
}: {
  dispatch: WorkHandler;
  send: WorkHandler;
  senderConcurrency: number;
  deferredDelayMs: number;
  onError?: (error: unknown) => void;
}): LocalCampaignWorkTrigger => {
  const deadLetters: SQSEvent[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const waiting: { handler: WorkHandler; name: string; event: SQSEvent }[] = [];
  let running = 0;
  let dispatching = false;
  let idleWaiters: (() => void)[] = [];

  const receive = async (handler: WorkHandler, name: string, event: SQSEvent): Promise<void> => {
    for (let attempt = 1; attempt <= MAX_RECEIVES; attempt++) {
      try {
        const response = await handler(event, localLambdaContext(name));
        if (response.batchItemFailures.length === 0) return;
      } catch (error) {
        onError(error);
      }
    }
    deadLetters.push(event);
  };

  const settleIfIdle = (): void => {
    if (running > 0 || waiting.length > 0 || timers.size > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  // One loop pulls from the waiting list: the dispatcher runs alone, senders up to the limit.
  const pump = (): void => {
    for (let i = 0; i < waiting.length;) {
      const next = waiting[i]!;
      const isDispatch = next.handler === dispatch;
      if (isDispatch ? dispatching : running - (dispatching ? 1 : 0) >= senderConcurrency) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      running++;
      if (isDispatch) dispatching = true;
      void receive(next.handler, next.name, next.event).finally(() => {
        running--;
        if (isDispatch) dispatching = false;
        pump();
        settleIfIdle();
      });
    }
  };

  const enqueue = (handler: WorkHandler, name: string, record: LocalS3EventRecord): void => {
    waiting.push({ handler, name, event: sqsEventForS3Record(record) });
    pump();
  };

  return {
    deliver(record) {
      if (!record.eventName.startsWith('ObjectCreated')) return;
      const { key } = record.s3.object;
      if (key.startsWith(CAMPAIGN_WORK_PREFIX.dispatch)) {
        enqueue(dispatch, 'shoal-campaign-dispatch', record);
      } else if (key.startsWith(CAMPAIGN_WORK_PREFIX.send)) {
        enqueue(send, 'shoal-campaign-send', record);
      } else if (key.startsWith(CAMPAIGN_WORK_PREFIX.deferred)) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          enqueue(dispatch, 'shoal-campaign-dispatch', record);
        }, deferredDelayMs);
        timer.unref();
        timers.add(timer);
      }
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      }),
    deadLetters: () => [...deadLetters],
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      settleIfIdle();
      idleWaiters = [];
    },
  };
};
