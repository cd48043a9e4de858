import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLES, type TableKey } from '../data-model';

/** Reports are derived data: kept long enough to audit an import, then expired. */
const REPORT_RETENTION = Duration.days(180);
/** The ingest function's time limit; the queue's visibility timeout is derived from it. */
export const INGEST_TIMEOUT = Duration.minutes(15);

/**
 * Everything Shoal keeps: the four tables, the uploads bucket and the queue of uploads waiting to
 * be imported. Data survives a stack deletion (RETAIN) because it is the customer's, not the
 * stack's. The queue lives here, beside the bucket that notifies it, so the stateless stack can
 * be replaced without dropping pending uploads (and without a cross-stack reference cycle).
 */
export class ShoalData extends Construct {
  readonly tables: Record<TableKey, Table>;
  readonly uploads: Bucket;
  readonly uploadQueue: Queue;
  readonly uploadDeadLetters: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.tables = Object.fromEntries(
      (Object.keys(TABLES) as TableKey[]).map((key) => [key, this.createTable(key)]),
    ) as Record<TableKey, Table>;

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });

    this.uploads = new Bucket(this, 'Uploads', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3 can collapse notifications for concurrent writes to one key; versions keep every
      // upload addressable so each one is ingested exactly once by (key, version).
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-reports', prefix: 'reports/', expiration: REPORT_RETENTION },
        {
          id: 'archive-processed-uploads',
          prefix: 'imports/',
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
        },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    this.uploadDeadLetters = new Queue(this, 'UploadDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.uploadDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This is the dead-letter queue of the upload queue.',
    });
    // SQS rather than async invoke: failed uploads wait in a dead-letter queue that can be
    // inspected and redriven, retries follow the visibility timeout instead of a fixed two
    // attempts, and one function can drain a burst of uploads one at a time.
    this.uploadQueue = new Queue(this, 'UploadQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // More than two function timeouts, so a retry never overlaps a live attempt.
      visibilityTimeout: INGEST_TIMEOUT.plus(INGEST_TIMEOUT).plus(Duration.minutes(1)),
      deadLetterQueue: { queue: this.uploadDeadLetters, maxReceiveCount: 3 },
    });
    this.uploads.addEventNotification(
      EventType.OBJECT_CREATED,
      new SqsDestination(this.uploadQueue),
      { prefix: 'imports/' },
    );
    // CDK configures bucket notifications through its own singleton custom-resource function.
    const notificationsRole = Stack.of(this)
      .node.findAll()
      .find((c) => c.node.id.startsWith('BucketNotificationsHandler'))
      ?.node.tryFindChild('Role');
    if (notificationsRole) {
      Validations.of(notificationsRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK’s bucket-notification custom resource; the managed basic execution role only writes its logs.',
      });
    }
  }

  private createTable(key: TableKey): Table {
    const definition = TABLES[key];
    const table = new Table(this, `${key[0]!.toUpperCase()}${key.slice(1)}Table`, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of definition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
      });
    }
    return table;
  }
}
