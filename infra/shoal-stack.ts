import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api';
import { Campaigns } from './constructs/campaigns';
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
  readonly campaigns: Campaigns;
  readonly api: Api;

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
    const context = (key: string, placeholder: string): string =>
      this.node.tryGetContext(`shoal:${key}`) ?? placeholder;
    const senderDomain = context('senderDomain', 'shop.example.com');
    // Placeholders keep `cdk synth` working offline; a real deployment sets them in cdk.json.
    this.campaigns = new Campaigns(this, 'Campaigns', {
      campaigns: this.data.tables.campaigns,
      segments: this.data.tables.segments,
      customers: this.data.tables.customers,
      bucket: this.data.uploads,
      sender: {
        domain: senderDomain,
        from: context('senderFrom', `Shop <news@${senderDomain}>`),
        postalAddress: context('postalAddress', 'Set shoal:postalAddress in cdk.json'),
        unsubscribeBaseUrl: context('unsubscribeBaseUrl', `https://api.${senderDomain}`),
      },
      senderConcurrency: Number(context('senderConcurrency', '2')),
    });
    const list = (key: string): string[] =>
      context(key, '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    this.api = new Api(this, 'Api', {
      customers: this.data.tables.customers,
      segments: this.data.tables.segments,
      campaigns: this.data.tables.campaigns,
      campaigning: this.campaigns,
      imports: this.data.tables.imports,
      uploads: this.data.uploads,
      resegment: this.segmentation.function,
      shop: {
        timeZone: context('timeZone', 'UTC'),
        currency: context('currency', 'USD'),
        locale: context('locale', 'en-US'),
      },
      // The hash of a key nobody holds keeps the storefront closed until a real one is configured.
      storefrontKeyHashes:
        list('storefrontKeyHashes').length > 0 ? list('storefrontKeyHashes') : ['0'.repeat(64)],
      corsOrigins: list('corsOrigins'),
      throttle: {
        rateLimit: Number(context('apiRateLimit', '100')),
        burstLimit: Number(context('apiBurstLimit', '200')),
      },
      login: {
        domainPrefix: this.node.tryGetContext('shoal:loginDomainPrefix'),
        dashboardUrl: this.node.tryGetContext('shoal:dashboardUrl'),
      },
    });
  }
}
