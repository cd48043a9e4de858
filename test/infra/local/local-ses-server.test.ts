import type { SESClient } from '@aws-sdk/client-ses';
import { GetSendQuotaCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { type LocalSesServer, startLocalSesServer } from '../../../infra/local/local-ses-server';

const raw = (to: string) =>
  Buffer.from(`From: shop@example.com\r\nTo: ${to}\r\nSubject: Hi\r\n\r\nHello`);

describe('startLocalSesServer', () => {
  let server: LocalSesServer;
  let ses: SESClient;

  beforeAll(async () => {
    server = await startLocalSesServer({ limits: { maxSendRate: 5, max24HourSend: 8 } });
    ses = createAwsClients({ region: 'us-east-1', endpoints: { ses: server.endpoint } }).ses;
  });
  afterAll(async () => {
    ses.destroy();
    await server.stop();
  });

  it('reports the configured quota like SES', async () => {
    const quota = await ses.send(new GetSendQuotaCommand({}));
    expect(quota).toMatchObject({ MaxSendRate: 5, Max24HourSend: 8, SentLast24Hours: 0 });
  });

  it('throttles sends above the maximum rate with the SES error text', async () => {
    server.configure({ maxSendRate: 2, max24HourSend: 100 });
    const attempts = await Promise.allSettled(
      [1, 2, 3].map((i) =>
        ses.send(new SendRawEmailCommand({ RawMessage: { Data: raw(`a${i}@example.org`) } })),
      ),
    );
    const rejected = attempts.filter((a) => a.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      name: 'Throttling',
      message: 'Maximum sending rate exceeded.',
    });
  });

  it('refuses sends past the daily quota and injects scheduled faults', async () => {
    server.clearOutbox();
    server.configure({
      maxSendRate: 100,
      max24HourSend: 3,
      faults: [{ afterAccepted: 1, error: 'throttling', times: 1 }],
    });
    const send = (i: number) =>
      ses.send(new SendRawEmailCommand({ RawMessage: { Data: raw(`b${i}@example.org`) } }));

    await send(1);
    await expect(send(2)).rejects.toMatchObject({ message: 'Maximum sending rate exceeded.' });
    await send(2);
    await send(3);
    await expect(send(4)).rejects.toMatchObject({ message: 'Daily message quota exceeded.' });
    expect(server.outbox().map((m) => m.destinations[0])).toEqual([
      'b1@example.org',
      'b2@example.org',
      'b3@example.org',
    ]);
  });
});
