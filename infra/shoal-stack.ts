import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Ingest } from './constructs/ingest';
import { Segmentation } from './constructs/segmentation';
import { ShoalData } from './constructs/shoal-data';

/**
 * All of Shoal in one stack: a construct per capability around the stateful `ShoalData`. One stack
 * because every capability reads the same tables: split stacks would turn each grant into a
 * CloudFormation export that then blocks replacing the data's resources. The data is protected by
 * RETAIN policies and deletion protection instead.
 */
export class ShoalStack extends Stack {
  readonly data: ShoalData;
  readonly ingest: Ingest;
  readonly segmentation: Segmentation;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.data = new ShoalData(this, 'Data');
    this.ingest = new Ingest(this, 'Ingest', {
      uploads: this.data.uploads,
      uploadQueue: this.data.uploadQueue,
      customers: this.data.tables.customers,
      imports: this.data.tables.imports,
    });
    this.segmentation = new Segmentation(this, 'Segmentation', {
      customers: this.data.tables.customers,
      segments: this.data.tables.segments,
      timeZone: this.node.tryGetContext('shoal:timeZone') ?? 'UTC',
      hour: Number(this.node.tryGetContext('shoal:resegmentHour') ?? 2),
    });
  }
}
