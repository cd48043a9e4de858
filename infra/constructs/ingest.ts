import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_TIMEOUT } from './shoal-data';
import { ShoalFunction } from './shoal-function';

/** One invocation imports files up to this size within its time limit (see README, measured). */
export const MAX_UPLOAD_BYTES = 250 * 1024 * 1024;

export interface IngestProps {
  uploads: Bucket;
  uploadQueue: Queue;
  customers: Table;
  imports: Table;
}

/** The ingest function, fed by the upload queue that S3 notifies for every object under imports/. */
export class Ingest extends Construct {
  readonly function: ShoalFunction;

  constructor(
    scope: Construct,
    id: string,
    { uploads, uploadQueue, customers, imports }: IngestProps,
  ) {
    super(scope, id);
    this.function = new ShoalFunction(this, 'Function', {
      entry: 'functions/ingest-upload/handler.ts',
      description: 'Imports customer, order and event exports uploaded under imports/',
      memorySize: 1769,
      timeout: INGEST_TIMEOUT,
      // Imports merge profiles read-modify-write; one at a time keeps two files touching the same
      // customer from overwriting each other's fields.
      reservedConcurrentExecutions: 1,
      environment: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) },
    })
      .bindBucket(uploads, 'UPLOADS_BUCKET', { read: 'imports/*', write: 'reports/*' })
      .bindTable(customers, 'CUSTOMERS_TABLE', 'readWrite')
      .bindTable(imports, 'IMPORTS_TABLE', 'readWrite');
    this.function.addEventSource(
      new SqsEventSource(uploadQueue, { batchSize: 1, reportBatchItemFailures: true }),
    );
  }
}
