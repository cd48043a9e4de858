import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../adapters/aws/aws-clients';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack';
import { audienceOf, seedCampaignSegment } from '../../support/seed-campaign-segment';

describe('GET /v1/segments/{segmentId}/campaigns on the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;
  let clients: AwsClients;
  const admin = () => ({ authorization: `Bearer ${stack.secrets.adminKey}` });
  const get = async (path: string, headers: Record<string, string> = admin()) => {
    const response = await fetch(`${stack.api.url}${path}`, { headers });
    return { status: response.status, json: await response.json() };
  };
  const sendCampaign = async (name: string, prefix: string): Promise<string> => {
    const created = await fetch(`${stack.api.url}/v1/campaigns`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        audience: audienceOf(prefix),
        content: { subject: 'Hello {{ first_name }}', html: '<p>Hi {{ first_name }}</p>' },
      }),
    });
    const { campaignId } = (await created.json()) as { campaignId: string };
    const sending = await fetch(`${stack.api.url}/v1/campaigns/${campaignId}/send`, {
      method: 'POST',
      headers: admin(),
    });
    expect(sending.status).toBe(202);
    await stack.campaigns.idle();
    return campaignId;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoal-segment-campaigns-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    stack = await startLocalStack({ dataDir, timeZone: 'UTC' });
    clients = createAwsClients(stack.aws.config.clients);
    const { tables } = stack.aws.config;
    await seedCampaignSegment({ documents: clients.documents, tables, prefix: 'alpha', count: 5 });
    await seedCampaignSegment({ documents: clients.documents, tables, prefix: 'beta', count: 3 });
  });

  afterAll(async () => {
    clients.dynamodb.destroy();
    clients.s3.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'lists the campaigns sent to the segment, newest first, with the sent counts of their results',
    { timeout: 120_000 },
    async () => {
      const first = await sendCampaign('Spring', 'alpha');
      const second = await sendCampaign('Summer', 'alpha');
      const other = await sendCampaign('Elsewhere', 'beta');

      const { status, json } = await get('/v1/segments/seg-alpha/campaigns');

      expect(status).toBe(200);
      expect(json.campaigns.map((c: { campaignId: string }) => c.campaignId)).toEqual([
        second,
        first,
      ]);
      for (const listed of json.campaigns) {
        const results = (await get(`/v1/campaigns/${listed.campaignId}/results`)).json;
        expect(listed).toMatchObject({ role: 'included', kind: 'broadcast', status: 'sent' });
        expect(listed.results.sent).toBe(results.sent);
        expect(listed.results.sent).toBe(5);
      }
      expect(json.totals).toEqual({
        campaignsSent: 2,
        messagesSent: 10,
        conversions: 0,
        revenue: 0,
      });
      const beta = (await get('/v1/segments/seg-beta/campaigns')).json;
      expect(beta.campaigns.map((c: { campaignId: string }) => c.campaignId)).toEqual([other]);
    },
  );

  it('answers 404 for a segment nothing knows', async () => {
    const { status, json } = await get('/v1/segments/seg-nowhere/campaigns');
    expect(status).toBe(404);
    expect(json.error.code).toBe('not_found');
  });

  it('answers 401 without the admin key', async () => {
    expect((await get('/v1/segments/seg-alpha/campaigns', {})).status).toBe(401);
  });
});
