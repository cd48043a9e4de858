import { apiRoutes } from '../../functions/api/api-routes';
import { routeKeyOf } from '../../functions/api/http-route';
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
    // Bundling every function with esbuild takes longer than the default hook timeout.
  }, 60_000);

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
        QueueConfigurations: Match.arrayWith([
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'imports/' }] } },
          }),
        ]),
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
    const statements = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([logicalId]) => logicalId.startsWith('Ingest'))
      .flatMap(
        ([, policy]) =>
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

  it('creates one API Gateway route per API route, JWT-guarded exactly where the route is admin', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) =>
        (route as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties,
    );
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(apiRoutes.map(routeKeyOf).sort());
    for (const route of apiRoutes) {
      const created = routes.find((r) => r.RouteKey === routeKeyOf(route));
      expect(created?.AuthorizationType ?? 'NONE', routeKeyOf(route)).toBe(
        route.auth === 'admin' ? 'JWT' : 'NONE',
      );
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({
        ThrottlingRateLimit: 100,
        ThrottlingBurstLimit: 200,
      }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    template.hasOutput('ApiUrl', {});
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('signs marketers in to the dashboard through managed login with a public PKCE code-grant client', () => {
    const dashboardUrl = {
      'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('HttpApi'), 'ApiEndpoint'] }, '/']],
    };
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      // Derived from the stack's id, so `cdk synth` works offline and two stacks do not collide.
      Domain: {
        'Fn::Join': ['', ['shoal-', Match.objectLike({ 'Fn::Select': Match.anyValue() })]],
      },
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [dashboardUrl],
      LogoutURLs: [dashboardUrl],
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UseCognitoProvidedValues: true,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Admin API and dashboard'),
      Environment: {
        Variables: Match.objectLike({
          DASHBOARD_LOGIN_DOMAIN_URL: Match.anyValue(),
          DASHBOARD_LOGIN_CLIENT_ID: { Ref: Match.stringLikeRegexp('Dashboard') },
        }),
      },
    });
    template.hasOutput('LoginUrl', {
      Value: {
        'Fn::Join': ['', Match.arrayWith(['https://', '.amazoncognito.com/login?client_id='])],
      },
    });
    template.hasOutput('DashboardUrl', { Value: dashboardUrl });
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

  type Statement = { Action: string | string[]; Resource: unknown };
  /** The statements of the policies attached to the role of the function with `description`. */
  const statementsOf = (description: string): Statement[] => {
    type Fn = { Properties: { Description?: string; Role: { 'Fn::GetAtt': [string, string] } } };
    const fn = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (f) => (f as Fn).Properties.Description === description,
    ) as Fn;
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    type Policy = {
      Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } };
    };
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p as Policy).Properties.Roles.some((r) => r.Ref === role))
      .flatMap((p) => (p as Policy).Properties.PolicyDocument.Statement);
  };

  it('announces campaign work under its three prefixes to three queues, and expires it', () => {
    const [notifications] = Object.values(
      template.findResources('Custom::S3BucketNotifications'),
    ) as { Properties: { NotificationConfiguration: { QueueConfigurations: unknown[] } } }[];
    const prefixes = notifications!.Properties.NotificationConfiguration.QueueConfigurations.map(
      (c) =>
        (c as { Filter: { Key: { FilterRules: { Value: string }[] } } }).Filter.Key.FilterRules[0]!
          .Value,
    );
    expect(prefixes.sort()).toEqual([
      'campaign-work/deferred/',
      'campaign-work/dispatch/',
      'campaign-work/send/',
      'imports/',
    ]);
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'expire-campaign-work', Prefix: 'campaign-work/' }),
        ]),
      },
    });
    // Items not due yet wait 15 minutes per hop through the deferred queue.
    template.hasResourceProperties('AWS::SQS::Queue', {
      DelaySeconds: 900,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
  });

  it('caps the senders at the configured concurrency, one slice per invocation', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Mails one slice of a campaign exactly once per recipient through SES',
      Layers: [Match.anyValue()],
      Environment: {
        Variables: Match.objectLike({
          SENDER_CONCURRENCY: '2',
          SES_CONFIGURATION_SET: Match.anyValue(),
          UNSUBSCRIBE_KEYS_SECRET_ID: Match.anyValue(),
          UNSUBSCRIBE_BASE_URL: 'https://api.shop.example.com',
          POSTAL_ADDRESS: Match.anyValue(),
        }),
      },
    });
  });

  it('lets the sender send raw e-mail only from its identity and configuration set', () => {
    const statements = statementsOf(
      'Mails one slice of a campaign exactly once per recipient through SES',
    );
    const send = statements.find((s) => [s.Action].flat().includes('ses:SendRawEmail'));
    const resources = JSON.stringify(send?.Resource);
    expect(resources).toContain('identity/shop.example.com');
    expect(resources).toContain('configuration-set/');
    expect([send?.Resource].flat()).toHaveLength(2);
    const quota = statements.find((s) => [s.Action].flat().includes('ses:GetSendQuota'));
    expect(quota?.Resource).toBe('*');
    expect(
      statements.some((s) => JSON.stringify(s).includes('secretsmanager:GetSecretValue')),
    ).toBe(true);
  });

  it('gives the admin function the sender’s settings and keys for previews and test sends, and no more SES than sending raw mail from the identity', () => {
    const description = 'Admin API and dashboard: segments, runs, imports, customers, campaigns';
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: description,
      Layers: [Match.anyValue()],
      Environment: {
        Variables: Match.objectLike({
          SENDER_FROM: Match.anyValue(),
          SES_CONFIGURATION_SET: Match.anyValue(),
          UNSUBSCRIBE_KEYS_SECRET_ID: Match.anyValue(),
          UNSUBSCRIBE_BASE_URL: 'https://api.shop.example.com',
          UNSUBSCRIBE_MAILBOX: 'unsubscribe@shop.example.com',
          POSTAL_ADDRESS: Match.anyValue(),
          MESSAGE_ID_DOMAIN: 'shop.example.com',
          CONSENT_MODEL: 'opt-in',
        }),
      },
    });
    const statements = statementsOf(description);
    const ses = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(ses.map((s) => s.Action)).toEqual(['ses:SendRawEmail']);
    const resources = JSON.stringify(ses[0]?.Resource);
    expect(resources).toContain('identity/shop.example.com');
    expect(resources).toContain('configuration-set/');
    expect([ses[0]?.Resource].flat()).toHaveLength(2);
    expect(
      statements.some((s) => JSON.stringify(s).includes('secretsmanager:GetSecretValue')),
    ).toBe(true);
  });

  it('keeps two-key unsubscribe secrets generated by Secrets Manager', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: '{"current":"k1"}',
        GenerateStringKey: 'k1',
        PasswordLength: 64,
      }),
    });
  });

  it('routes SES events through an encrypted SNS topic and a queue to the ses-events function', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['delivery', 'bounce', 'complaint', 'open', 'click', 'reject'],
        SnsDestination: { TopicARN: Match.anyValue() },
      }),
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Records SES delivery, bounce, complaint, open and click events once each',
      Environment: { Variables: Match.objectLike({ CAMPAIGNS_TABLE: Match.anyValue() }) },
    });
  });

  it('passes cdk-nag AwsSolutions with every exception acknowledged', () => {
    expect(nagFindings).toEqual([]);
  });
});
