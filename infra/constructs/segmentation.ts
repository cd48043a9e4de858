import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { nagArn } from './nag-finding';
import { ShoalFunction } from './shoal-function';

export interface SegmentationProps {
  customers: Table;
  segments: Table;
  /** The shop's IANA time zone: the nightly run fires at `hour` local time and dates its as-of. */
  timeZone: string;
  hour: number;
}

/**
 * The nightly re-segmentation: EventBridge Scheduler fires the resegment function in the shop's
 * time zone. Runs are idempotent per as-of date and locked, so retries and overlaps are harmless.
 */
export class Segmentation extends Construct {
  readonly function: ShoalFunction;

  constructor(
    scope: Construct,
    id: string,
    { customers, segments, timeZone, hour }: SegmentationProps,
  ) {
    super(scope, id);
    this.function = new ShoalFunction(this, 'Function', {
      entry: 'functions/resegment/handler.ts',
      description: 'Recomputes features and segment memberships for every customer',
      memorySize: 3008,
      timeout: Duration.minutes(15),
      environment: { SHOP_TIME_ZONE: timeZone, RESEGMENT_SHARDS: '4' },
    })
      .bindTable(customers, 'CUSTOMERS_TABLE', 'read')
      .bindTable(segments, 'SEGMENTS_TABLE', 'readWrite');

    const deadLetters = new Queue(this, 'ScheduleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This is the dead-letter queue of the nightly schedule.',
    });
    new Schedule(this, 'Nightly', {
      description: 'Nightly re-segmentation',
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: String(hour),
        timeZone: TimeZone.of(timeZone),
      }),
      target: new LambdaInvoke(this.function, {
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: deadLetters,
        retryAttempts: 2,
      }),
    });
    // The scheduler's invoke role is a stack-level singleton that CDK creates for Lambda targets.
    const schedulerRole = Stack.of(this)
      .node.findAll()
      .find((c) => c.node.id.startsWith('SchedulerRoleForTarget'));
    if (schedulerRole) {
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(this.function)}:*]`,
        reason: 'Lets the schedule invoke the function’s versions and aliases; nothing else.',
      });
    }
  }
}
