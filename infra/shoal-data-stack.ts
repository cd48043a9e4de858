import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ShoalData } from './constructs/shoal-data';

/** The stateful half of Shoal, deployed separately so the stateless half can be replaced freely. */
export class ShoalDataStack extends Stack {
  readonly data: ShoalData;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.data = new ShoalData(this, 'Data');
  }
}
