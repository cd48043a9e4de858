import { Aws, CfnOutput, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { apiRoutes } from '../../functions/api/api-routes';
import type { Campaigns } from './campaigns';
import { nagArn } from './nag-finding';
import { ShoalFunction } from './shoal-function';

export interface ApiProps {
  customers: Table;
  segments: Table;
  campaigns: Table;
  imports: Table;
  uploads: Bucket;
  /** The function "run now" invokes. */
  resegment: ShoalFunction;
  /**
   * Sends start through its work queue; unsubscribe tokens are verified with its keys; previews
   * and test sends render and mail with its sender settings.
   */
  campaigning: Campaigns;
  shop: { timeZone: string; currency: string; locale: string };
  /** SHA-256 hex digests of the storefront keys; the keys themselves never enter the template. */
  storefrontKeyHashes: string[];
  corsOrigins: string[];
  /** Requests per second for the whole stage, and the burst above it. */
  throttle: { rateLimit: number; burstLimit: number };
  /** The dashboard's sign-in through Cognito's managed login. */
  login: {
    /** The `<prefix>.auth.<region>.amazoncognito.com` prefix; derived from the stack when unset. */
    domainPrefix?: string;
    /** Where the dashboard is also served (a custom domain), besides the API's own URL. */
    dashboardUrl?: string;
  };
}

/** What the dashboard asks for: who signs in, and their e-mail and name to show. */
const LOGIN_SCOPES = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

/**
 * Cognito prefixes are unique per region across all accounts, so a fixed default would collide.
 * The first group of the stack's UUID is unique to this stack and stays the same on updates, and,
 * being lower-case hex, never holds a word Cognito reserves (aws, amazon, cognito).
 */
const defaultDomainPrefix = (): string =>
  `shoal-${Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))))}`;

/** Where the admin function's bundle carries the dashboard's files. */
const DASHBOARD_DIR = '/var/task/dashboard';

/**
 * The HTTP API: one API Gateway HTTP API whose routes come from the same table the handlers,
 * the local adapter and the OpenAPI document use, so none can drift. Admin routes are guarded by
 * a JWT authorizer on a Cognito user pool (no self sign-up: an administrator creates the
 * marketers); storefront routes by a key the storefront function checks; unsubscribe by its
 * signed token. Two functions keep the public storefront one small and narrowly granted.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly userPool: UserPool;
  readonly admin: ShoalFunction;
  readonly storefront: ShoalFunction;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const shopEnvironment = {
      SHOP_TIME_ZONE: props.shop.timeZone,
      SHOP_CURRENCY: props.shop.currency,
      SHOP_LOCALE: props.shop.locale,
    };

    this.admin = new ShoalFunction(this, 'AdminFunction', {
      entry: 'functions/api-admin/handler.ts',
      description: 'Admin API and dashboard: segments, runs, imports, customers, campaigns',
      timeout: Duration.seconds(29),
      environment: {
        ...shopEnvironment,
        RESEGMENT_FUNCTION: props.resegment.functionName,
        DASHBOARD_DIR,
      },
      // Serves the unsubscribe keys previews and test sends sign their links with.
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103),
      copyIntoBundle: [
        { from: 'dashboard', to: 'dashboard' },
        {
          from: 'node_modules/chart.js/dist/chart.umd.min.js',
          to: 'dashboard/assets/chart.umd.min.js',
        },
      ],
    })
      .bindTable(props.customers, 'CUSTOMERS_TABLE', 'readWrite')
      .bindTable(props.segments, 'SEGMENTS_TABLE', 'readWrite')
      .bindTable(props.campaigns, 'CAMPAIGNS_TABLE', 'readWrite')
      .bindTable(props.imports, 'IMPORTS_TABLE', 'read')
      .bindBucket(props.uploads, 'UPLOADS_BUCKET', { read: 'reports/*', write: 'reports/*' })
      .bindBucket(props.uploads, 'UPLOADS_BUCKET', { write: 'imports/*' });
    props.resegment.grantInvoke(this.admin);
    if (this.admin.role) {
      Validations.of(this.admin.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(props.resegment)}:*]`,
        reason:
          'Lets "run now" invoke the resegment function’s versions and aliases; nothing else.',
      });
    }
    props.campaigning.bindWorkQueue(this.admin);
    props.campaigning.bindSending(this.admin);

    this.storefront = new ShoalFunction(this, 'StorefrontFunction', {
      entry: 'functions/api-storefront/handler.ts',
      description:
        'Storefront API: segments for personalisation, event tracking, one-click unsubscribe',
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: { STOREFRONT_KEY_HASHES: props.storefrontKeyHashes.join(',') },
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103),
    })
      .bindTable(props.customers, 'CUSTOMERS_TABLE', 'readWrite')
      .bindTable(props.segments, 'SEGMENTS_TABLE', 'read')
      .bindTable(props.campaigns, 'CAMPAIGNS_TABLE', 'readWrite');
    props.campaigning.bindUnsubscribeKeys(this.storefront);

    this.userPool = new UserPool(this, 'Marketers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan is billed per user; a shop’s few marketers sign in with required MFA.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection (the Plus feature plan) is billed per user; MFA is required instead. Enable it in the console if wanted.',
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Shoal storefront and admin API',
      createDefaultStage: false,
      corsPreflight:
        props.corsOrigins.length === 0
          ? undefined
          : {
              allowOrigins: props.corsOrigins,
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: [
                'authorization',
                'content-type',
                'x-shoal-storefront-key',
                'if-none-match',
              ],
              exposeHeaders: ['etag', 'retry-after'],
              maxAge: Duration.minutes(10),
            },
    });
    const { client, domainUrl } = this.addDashboardLogin(props.login);
    this.admin.addEnvironment('DASHBOARD_LOGIN_DOMAIN_URL', domainUrl);
    this.admin.addEnvironment('DASHBOARD_LOGIN_CLIENT_ID', client.userPoolClientId);
    const authorizer = new HttpUserPoolAuthorizer('AdminJwt', this.userPool, {
      userPoolClients: [client],
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    const integrations = {
      admin: new HttpLambdaIntegration('Admin', this.admin),
      storefront: new HttpLambdaIntegration('Storefront', this.storefront),
    };
    for (const route of apiRoutes) {
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[route.function],
        ...(route.auth === 'admin' && { authorizer }),
      });
      if (route.auth !== 'admin' && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is ${route.auth === 'open' ? 'public by design (no data)' : route.auth === 'token' ? 'authorised by its HMAC-signed unsubscribe token (RFC 8058 forbids other auth)' : 'authorised by the storefront key, checked in the function'}.`,
        });
      }
    }

    new CfnOutput(this, 'ApiUrl', { key: 'ApiUrl', value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { key: 'UserPoolId', value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', {
      key: 'UserPoolClientId',
      value: client.userPoolClientId,
    });
    new CfnOutput(this, 'DashboardUrl', {
      key: 'DashboardUrl',
      value: `${this.httpApi.apiEndpoint}/`,
    });
    new CfnOutput(this, 'LoginUrl', {
      key: 'LoginUrl',
      description: 'Managed login, where marketers sign in to the dashboard',
      value: `${domainUrl}/login?client_id=${client.userPoolClientId}&response_type=code&redirect_uri=${this.httpApi.apiEndpoint}/`,
    });
  }

  /**
   * The dashboard signs marketers in through Cognito's managed login with the authorization code
   * grant and PKCE: a public client (no secret, which a page could not keep), returning to the
   * dashboard's own URL. SRP stays for scripts that sign in without a browser.
   */
  private addDashboardLogin(login: ApiProps['login']) {
    const domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: login.domainPrefix ?? defaultDomainPrefix() },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const dashboardUrls = [
      `${this.httpApi.apiEndpoint}/`,
      // As the browser reports it, which is what Cognito compares: a bare origin gains its `/`.
      ...(login.dashboardUrl === undefined ? [] : [new URL(login.dashboardUrl).href]),
    ];
    const client = this.userPool.addClient('Dashboard', {
      authFlows: { userSrp: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: LOGIN_SCOPES,
        callbackUrls: dashboardUrls,
        logoutUrls: dashboardUrls,
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
    });
    // Managed login shows its pages only for a client with a style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return { client, domainUrl: domain.baseUrl() };
  }
}
