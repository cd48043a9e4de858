import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeShoal } from './synthesize-shoal';

describe('ShoalStack', () => {
  let template: Template;
  let nagFindings: string[];

  beforeAll(() => {
    const synthesized = synthesizeShoal();
    template = Template.fromStack(synthesized.stack);
    nagFindings = synthesized.nagFindings;
  });

  it('creates the four tables with point-in-time recovery, encryption and TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 4);
    template.allResourcesProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });

  it('indexes campaign sends by customer for erasure and the customer page', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byCustomer',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('keeps customer data when the stack is deleted', () => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    for (const table of Object.values(tables)) {
      expect(table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it('locks the uploads bucket down and versions it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'uploads/' }),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'expire-reports', Prefix: 'reports/', ExpirationInDays: 180 }),
        ]),
      },
    });
  });

  it('denies non-TLS access to every bucket', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values(policies)) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('feeds uploads under imports/ to the ingest function through a queue with a dead-letter queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'imports/' }] } },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
      VisibilityTimeout: 1860,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('runs the ingest function on a supported Node runtime on ARM64, one import at a time', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 900,
      ReservedConcurrentExecutions: 1,
      Environment: {
        Variables: Match.objectLike({
          UPLOADS_BUCKET: Match.anyValue(),
          CUSTOMERS_TABLE: Match.anyValue(),
          IMPORTS_TABLE: Match.anyValue(),
          MAX_UPLOAD_BYTES: Match.anyValue(),
        }),
      },
    });
  });

  it('lets the ingest function read only uploads and write only reports', () => {
    type Statement = { Action: string | string[]; Resource: unknown };
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const actionsOn = (suffix: string) =>
      statements
        .filter((statement) => JSON.stringify(statement.Resource).includes(suffix))
        .flatMap((statement) => [statement.Action].flat());

    expect(actionsOn('/imports/*')).toContain('s3:GetObject*');
    expect(actionsOn('/imports/*').some((action) => action.startsWith('s3:Put'))).toBe(false);
    expect(actionsOn('/reports/*')).toContain('s3:PutObject');
    expect(actionsOn('/reports/*').some((action) => action.startsWith('s3:Get'))).toBe(false);
  });

  it('fires the resegment function nightly in the shop time zone, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      Target: Match.objectLike({
        Input: '{}',
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Recomputes features and segment memberships for every customer',
      Timeout: 900,
      Environment: {
        Variables: Match.objectLike({ SHOP_TIME_ZONE: 'UTC', SEGMENTS_TABLE: Match.anyValue() }),
      },
    });
  });

  it('passes cdk-nag AwsSolutions with every exception acknowledged', () => {
    expect(nagFindings).toEqual([]);
  });
});
