import { Arn, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CAMPAIGN_WORK_PREFIX } from '../../adapters/aws/object-store-campaign-work-queue';
import { ShoalFunction } from './shoal-function';

/** Sender identity and the furniture every campaign message carries (CDK context `shoal:*`). */
export interface CampaignSenderSettings {
  /** The SES-verified domain mail is sent from; also the Message-ID domain. */
  domain: string;
  /** `Name <address>` on `domain`. */
  from: string;
  /** CAN-SPAM: the sender's physical postal address, printed in every footer. */
  postalAddress: string;
  /** Origin of the public API serving `/v1/unsubscribe`. */
  unsubscribeBaseUrl: string;
}

export interface CampaignsProps {
  campaigns: Table;
  segments: Table;
  customers: Table;
  /** Shoal's bucket: campaign work items live under `campaign-work/`. */
  bucket: Bucket;
  sender: CampaignSenderSettings;
  /** Senders running at once; they split SES's maximum send rate between them. */
  senderConcurrency: number;
}

const DISPATCH_TIMEOUT = Duration.minutes(15);
const SEND_TIMEOUT = Duration.minutes(5);
/** How long an item that is not due waits per hop through the deferred queue (SQS's maximum). */
const DEFERRED_HOP = Duration.minutes(15);

/**
 * Campaign sending and SES feedback.
 *
 * Work flows through S3 objects under `campaign-work/` that S3 announces to SQS, one queue per
 * prefix (see ObjectStoreCampaignWorkQueue): the API queues a dispatch item (startCampaignSend);
 * the dispatcher freezes the audience a page of members at a time (each page queues its slices of
 * 100 customers and the next page, so a million recipients never need one long invocation, and
 * sending starts with the first page); senders, at most
 * `senderConcurrency` at once, mail each slice exactly once and queue what is left of it (daily
 * quota, throttling, postponed recipients) not before it is due. Items not due yet go to the
 * deferred queue, whose delivery delay makes each hop wait; the dispatcher queues them again
 * until due, so scheduled campaigns and quota waits need no polling of the campaigns table.
 * Every failed message is retried and dead-lettered; the outbox in DynamoDB stays the record of
 * who is open, so dispatching a campaign again (the API's send on a sending campaign) re-queues
 * anything a dead letter left behind.
 *
 * SES publishes delivery, bounce, complaint, open, click and reject events of the configuration
 * set to an SNS topic, which an SQS queue subscribes to for the ses-events function.
 *
 * Triggered campaigns go live when dispatched (an empty frozen audience, status `sending`) and
 * start a watch item that hops through the deferred queue every 15 minutes: when the current
 * segmentation run has changed, the customers whose membership of a triggering segment began
 * with that run get an outbox record and are queued (triggerCampaignSends). Polling the run
 * pointer keeps the resegment function and the campaigns apart: a run needs no list of live
 * campaigns, a campaign needs no hook in segmentation, and a run that completes while the
 * campaign is paused is handled when it resumes. A customer gets a triggered campaign once per
 * entry: leaving the segment and entering it again later mails them again.
 */
export class Campaigns extends Construct {
  readonly dispatcher: ShoalFunction;
  readonly sender: ShoalFunction;
  readonly sesEvents: ShoalFunction;
  readonly configurationSet: ConfigurationSet;
  readonly unsubscribeKeys: Secret;
  private readonly bucket: Bucket;
  private readonly senderSettings: CampaignSenderSettings;

  constructor(scope: Construct, id: string, props: CampaignsProps) {
    super(scope, id);
    const { campaigns, segments, customers, bucket, sender, senderConcurrency } = props;
    this.bucket = bucket;
    this.senderSettings = sender;
    bucket.addLifecycleRule({
      id: 'expire-campaign-work',
      prefix: 'campaign-work/',
      expiration: Duration.days(14),
      noncurrentVersionExpiration: Duration.days(1),
    });

    this.unsubscribeKeys = new Secret(this, 'UnsubscribeKeys', {
      description: 'Shoal unsubscribe-token HMAC keys: {"current":id,"previous"?:id,<id>:secret}',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ current: 'k1' }),
        generateStringKey: 'k1',
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    Validations.of(this.unsubscribeKeys).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by hand with two live keys (add a key, make it current, drop the old one weeks ' +
        'later) so links in mail already sent keep working; a single-value rotation would break them.',
    });

    const dispatchQueue = this.workQueue(
      'Dispatch',
      DISPATCH_TIMEOUT,
      CAMPAIGN_WORK_PREFIX.dispatch,
    );
    const sendQueue = this.workQueue('Send', SEND_TIMEOUT, CAMPAIGN_WORK_PREFIX.send);
    const deferredQueue = this.workQueue(
      'Deferred',
      DISPATCH_TIMEOUT,
      CAMPAIGN_WORK_PREFIX.deferred,
      DEFERRED_HOP,
    );

    this.dispatcher = new ShoalFunction(this, 'Dispatcher', {
      entry: 'functions/campaign-dispatch/handler.ts',
      description: 'Freezes a due campaign’s audience and queues it in slices for the senders',
      memorySize: 3008,
      timeout: DISPATCH_TIMEOUT,
      environment: { CONSENT_MODEL: 'opt-in' },
    })
      .bindTable(campaigns, 'CAMPAIGNS_TABLE', 'readWrite')
      .bindTable(segments, 'SEGMENTS_TABLE', 'read')
      .bindTable(customers, 'CUSTOMERS_TABLE', 'read')
      .bindBucket(bucket, 'CAMPAIGN_WORK_BUCKET', {
        read: 'campaign-work/*',
        write: 'campaign-work/*',
      });
    this.dispatcher.addEventSource(
      new SqsEventSource(dispatchQueue, { batchSize: 1, reportBatchItemFailures: true }),
    );
    this.dispatcher.addEventSource(
      new SqsEventSource(deferredQueue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet');
    this.sender = new ShoalFunction(this, 'Sender', {
      entry: 'functions/campaign-send/handler.ts',
      description: 'Mails one slice of a campaign exactly once per recipient through SES',
      timeout: SEND_TIMEOUT,
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103),
      environment: { SENDER_CONCURRENCY: String(senderConcurrency) },
    })
      .bindTable(campaigns, 'CAMPAIGNS_TABLE', 'readWrite')
      .bindBucket(bucket, 'CAMPAIGN_WORK_BUCKET', {
        read: 'campaign-work/*',
        write: 'campaign-work/*',
      });
    this.bindSending(this.sender);
    this.sender.addToRolePolicy(
      new PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] }),
    );
    if (this.sender.role) {
      Validations.of(this.sender.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ses:GetSendQuota, X-Ray PutTraceSegments and PutTelemetryRecords support no ' +
          'resource-level permissions.',
      });
    }
    this.sender.addEventSource(
      new SqsEventSource(sendQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: senderConcurrency,
      }),
    );

    this.sesEvents = new ShoalFunction(this, 'SesEvents', {
      entry: 'functions/ses-events/handler.ts',
      description: 'Records SES delivery, bounce, complaint, open and click events once each',
    }).bindTable(campaigns, 'CAMPAIGNS_TABLE', 'readWrite');
    this.sesEvents.addEventSource(
      new SqsEventSource(this.sesEventQueue(), { batchSize: 10, reportBatchItemFailures: true }),
    );
  }

  /** For the API: queue campaign work (startCampaignSend) with the bucket in CAMPAIGN_WORK_BUCKET. */
  bindWorkQueue(fn: ShoalFunction): ShoalFunction {
    return fn.bindBucket(this.bucket, 'CAMPAIGN_WORK_BUCKET', { write: 'campaign-work/*' });
  }

  /** Read access to the unsubscribe keys, named in UNSUBSCRIBE_KEYS_SECRET_ID. */
  bindUnsubscribeKeys(fn: ShoalFunction): ShoalFunction {
    this.unsubscribeKeys.grantRead(fn);
    fn.addEnvironment('UNSUBSCRIBE_KEYS_SECRET_ID', this.unsubscribeKeys.secretArn);
    return fn;
  }

  /**
   * Everything a function needs to render and mail campaign messages as the senders do: the
   * sender settings and consent model in SenderEnv/EligibilityEnv, the unsubscribe keys, and
   * ses:SendRawEmail on the sending identity and configuration set only. The function must be
   * built with the Parameters and Secrets layer, which serves it the keys.
   */
  bindSending(fn: ShoalFunction): ShoalFunction {
    const sender = this.senderSettings;
    const environment = {
      CONSENT_MODEL: 'opt-in',
      SENDER_FROM: sender.from,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      UNSUBSCRIBE_BASE_URL: sender.unsubscribeBaseUrl,
      UNSUBSCRIBE_MAILBOX: `unsubscribe@${sender.domain}`,
      POSTAL_ADDRESS: sender.postalAddress,
      MESSAGE_ID_DOMAIN: sender.domain,
    };
    for (const [name, value] of Object.entries(environment)) fn.addEnvironment(name, value);
    const stack = Stack.of(this);
    const sesArn = (resource: string) => Arn.format({ service: 'ses', resource }, stack);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          sesArn(`identity/${sender.domain}`),
          sesArn(`configuration-set/${this.configurationSet.configurationSetName}`),
        ],
      }),
    );
    return this.bindUnsubscribeKeys(fn);
  }

  /** A queue that S3 notifies for one prefix of campaign work, with its dead-letter queue. */
  private workQueue(name: string, consumerTimeout: Duration, prefix: string, delay?: Duration) {
    const queue = this.queueWithDeadLetters(name, consumerTimeout, delay);
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(queue), {
      prefix,
    });
    return queue;
  }

  /** SES configuration set → KMS-encrypted SNS topic → queue for the ses-events function. */
  private sesEventQueue(): Queue {
    // SES can publish to an encrypted topic only with a customer-managed key that lets it.
    const key = new Key(this, 'SesEventsKey', {
      description: 'Encrypts Shoal’s SES event topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const topic = new Topic(this, 'SesEventTopic', { masterKey: key, enforceSSL: true });
    this.configurationSet.addEventDestination('ToSns', {
      destination: EventDestination.snsTopic(topic),
      events: [
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.OPEN,
        EmailSendingEvent.CLICK,
        EmailSendingEvent.REJECT,
      ],
    });
    const queue = this.queueWithDeadLetters('SesEvents', Duration.seconds(30));
    topic.addSubscription(new SqsSubscription(queue));
    return queue;
  }

  private queueWithDeadLetters(name: string, consumerTimeout: Duration, delay?: Duration): Queue {
    const deadLetters = new Queue(this, `${name}DeadLetters`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This is the dead-letter queue of the ${name} queue.`,
    });
    return new Queue(this, `${name}Queue`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // More than two function timeouts, so a retry never overlaps a live attempt.
      visibilityTimeout: consumerTimeout.plus(consumerTimeout).plus(Duration.minutes(1)),
      deliveryDelay: delay,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
  }
}
