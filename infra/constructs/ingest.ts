import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_TIMEOUT } from './shoal-data';
import { ShoalFunction } from './shoal-function';

/**
 * The largest upload one invocation imports within its 15 minutes, measured (see README): the
 * slowest end-to-end rate seen, 1,746 rows/s into DynamoDB Local on a loaded 2-core machine, is
 * 1.4 million 84-byte rows (118 MB) in 90% of the time limit; 100 MB keeps a margin.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

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
