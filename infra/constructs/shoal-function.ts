import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import {
  Architecture,
  type ParamsAndSecretsLayerVersion,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { nagArn } from './nag-finding';
import type { Construct } from 'constructs';

export interface ShoalFunctionProps {
  /** Path of the handler module, relative to the repository root (`functions/<name>/handler.ts`). */
  entry: string;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  reservedConcurrentExecutions?: number;
  /** Files the handler reads at run time, copied into the bundle (paths from the repository root). */
  copyIntoBundle?: { from: string; to: string }[];
  /** The AWS Parameters and Secrets extension, for functions that read a secret without an SDK. */
  paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Every Shoal Lambda: Node 24 on ARM64, an ESM bundle built locally by esbuild (no Docker), JSON
 * logs kept a month, X-Ray tracing, and `bind*` methods that grant access and set the variable
 * the handler's env schema reads, in one call.
 */
export class ShoalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ShoalFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: `${REPO_ROOT}${props.entry}`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(30),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      paramsAndSecrets: props.paramsAndSecrets,
      tracing: Tracing.ACTIVE,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'shoal',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Some dependencies are CommonJS and call require(); give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        ...(props.copyIntoBundle && {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) =>
              (props.copyIntoBundle ?? []).map(
                ({ from, to }) =>
                  `mkdir -p "$(dirname "${outputDir}/${to}")" && cp -R "${inputDir}/${from}" "${outputDir}/${to}"`,
              ),
          },
        }),
      },
    });
    this.acknowledge(
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The AWS-managed basic execution role only allows writing this function’s own log streams.',
    );
    this.acknowledge(
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    );
  }

  /** Read or read-write on one table and its indexes, and its name in `envName`. */
  bindTable(table: Table, envName: string, access: 'read' | 'readWrite'): this {
    if (access === 'read') table.grantReadData(this);
    else table.grantReadWriteData(this);
    this.addEnvironment(envName, table.tableName);
    this.acknowledge(
      `AwsSolutions-IAM5[Resource::${nagArn(table)}/index/*]`,
      'Queries need the table’s own indexes, which the grant names by wildcard.',
    );
    return this;
  }

  /** Object reads under one prefix and writes under another; the bucket's name in `envName`. */
  bindBucket(bucket: Bucket, envName: string, access: { read?: string; write?: string }): this {
    this.addEnvironment(envName, bucket.bucketName);
    const scoped = 'Scoped to one key prefix of Shoal’s own bucket.';
    if (access.read) {
      bucket.grantRead(this, access.read);
      this.acknowledge(`AwsSolutions-IAM5[Resource::${nagArn(bucket)}/${access.read}]`, scoped);
      for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) {
        this.acknowledge(
          `AwsSolutions-IAM5[Action::${action}]`,
          `${scoped} Granted by Bucket.grantRead.`,
        );
      }
    }
    if (access.write) {
      bucket.grantPut(this, access.write);
      this.acknowledge(`AwsSolutions-IAM5[Resource::${nagArn(bucket)}/${access.write}]`, scoped);
      this.acknowledge(
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        `${scoped} Lets failed multipart writes be aborted.`,
      );
    }
    return this;
  }

  private acknowledge(id: string, reason: string): void {
    const role = this.role;
    if (role) Validations.of(role).acknowledge({ id, reason });
  }
}
