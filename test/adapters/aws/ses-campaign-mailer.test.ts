import {
  MessageRejected,
  SESClient,
  SESServiceException,
  SendRawEmailCommand,
} from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { type HeaderLines, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { SesCampaignMailer } from '../../../adapters/aws/ses-campaign-mailer';
import {
  composeCampaignMessage,
  unsubscribeLinks,
} from '../../../core/campaigns/compose-campaign-message';
import type { RawEmail } from '../../../core/ports/mailer';
import { findFreePort } from '../../../infra/local/find-free-port';
import {
  type LocalSesLimits,
  startLocalSesServer,
  type OutboxMessage,
} from '../../../infra/local/local-ses-server';
import { sender } from '../../core/campaigns/fixtures';

const local = inject('localAws');
const shared = createAwsClients(local.clients);

afterAll(() => shared.ses.destroy());

/** A composed campaign message, as the send use case hands it to the mailer. */
const campaignMessage = async (to: string, sendId: string): Promise<RawEmail> => ({
  from: sender.from,
  to: [to],
  raw: await composeCampaignMessage({
    to,
    rendered: {
      subject: 'Spring is here',
      preheader: undefined,
      html: '<p>Hello</p>',
      text: 'Hello',
    },
    sender,
    links: unsubscribeLinks({ sender, token: `tok-${sendId}` }),
    campaignId: 'cmp-mailer',
    sendId,
    date: new Date('2026-03-10T12:00:00Z'),
  }),
});

/** A mailer on a private SES endpoint, for limits and faults other test files must not see. */
const privateSes = async (limits: Partial<LocalSesLimits>) => {
  const server = await startLocalSesServer({ limits });
  const clients = createAwsClients({ region: 'us-east-1', endpoints: { ses: server.endpoint } });
  return {
    server,
    mailer: new SesCampaignMailer(clients.ses),
    stop: async () => {
      clients.ses.destroy();
      await server.stop();
    },
  };
};

describe('SesCampaignMailer', () => {
  it('hands SES the raw message verbatim, unsubscribe headers included', async () => {
    const mailer = new SesCampaignMailer(shared.ses, { configurationSetName: 'shoal-campaigns' });
    const message = await campaignMessage('ada@example.com', 'send-verbatim-0001');

    const result = await mailer.sendRaw(message);

    expect(result.ok).toBe(true);
    const messageId = result.ok ? result.messageId : '';
    const outbox = (await (await fetch(`${local.clients.endpoints.ses}/_shoal/outbox`)).json()) as {
      messages: OutboxMessage[];
    };
    const recorded = outbox.messages.find((m) => m.messageId === messageId);
    expect(recorded?.raw).toBe(Buffer.from(message.raw).toString('utf8'));
    expect(recorded?.destinations).toEqual(['ada@example.com']);
    expect(recorded?.configurationSet).toBe('shoal-campaigns');

    const parsed = await simpleParser(recorded?.raw ?? '');
    expect(parsed.subject).toBe('Spring is here');
    expect(parsed.messageId).toBe('<send-verbatim-0001@shop.example>');
    expect(headerLine(parsed.headerLines, 'list-unsubscribe')).toBe(
      '<https://api.shop.example/v1/unsubscribe?token=tok-send-verbatim-0001>, ' +
        '<mailto:unsubscribe@shop.example?subject=unsubscribe-tok-send-verbatim-0001>',
    );
    expect(headerLine(parsed.headerLines, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe=One-Click',
    );
  });

  describe('on a private SES endpoint', () => {
    let ses: Awaited<ReturnType<typeof privateSes>>;
    beforeAll(async () => {
      ses = await privateSes({ maxSendRate: 7, max24HourSend: 2 });
    });
    afterAll(() => ses.stop());

    it('reads the quota, then maps throttling and the exhausted daily quota to failures', async () => {
      const { server, mailer } = ses;
      expect(await mailer.getSendQuota()).toEqual({
        maxSendRatePerSecond: 7,
        max24HourSend: 2,
        sentLast24Hours: 0,
      });
      server.configure({ faults: [{ afterAccepted: 1, error: 'throttling', times: 1 }] });

      expect((await mailer.sendRaw(await campaignMessage('a@example.com', 'send-q-1'))).ok).toBe(
        true,
      );
      expect(await mailer.sendRaw(await campaignMessage('b@example.com', 'send-q-2'))).toEqual({
        ok: false,
        failure: { kind: 'throttled' },
      });
      expect((await mailer.sendRaw(await campaignMessage('b@example.com', 'send-q-2'))).ok).toBe(
        true,
      );
      expect(await mailer.sendRaw(await campaignMessage('c@example.com', 'send-q-3'))).toEqual({
        ok: false,
        failure: { kind: 'daily-quota-exceeded' },
      });

      expect(server.outbox().map((m) => m.destinations[0])).toEqual([
        'a@example.com',
        'b@example.com',
      ]);
      expect((await mailer.getSendQuota()).sentLast24Hours).toBe(2);
    });
  });

  it('reports a message SES refuses as rejected, with SES’s reason', async () => {
    const mailer = new SesCampaignMailer(shared.ses);
    // The local endpoint refuses an empty message the way SES does, with a 400.
    const result = await mailer.sendRaw({
      from: sender.from,
      to: ['a@example.com'],
      raw: new Uint8Array(),
    });
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        message: expect.stringContaining('RawMessage.Data is required'),
      },
    });
  });

  it('rethrows when it cannot tell whether SES took the message', async () => {
    const port = await findFreePort();
    const unreachable = createAwsClients({
      region: 'us-east-1',
      endpoints: { ses: `http://127.0.0.1:${port}` },
    });
    const message = await campaignMessage('a@example.com', 'send-network');
    await expect(new SesCampaignMailer(unreachable.ses).sendRaw(message)).rejects.toThrow();
    unreachable.ses.destroy();
  });

  // No emulator refuses an unverified address or fails with a 5xx on demand, so these two use
  // aws-sdk-client-mock on one client instance.
  it('maps MessageRejected to rejected and rethrows server errors', async () => {
    const ses = new SESClient({ region: 'us-east-1' });
    const mock = mockClient(ses);
    const message = await campaignMessage('a@example.com', 'send-mocked');
    mock
      .on(SendRawEmailCommand)
      .rejectsOnce(
        new MessageRejected({
          message: 'Email address is not verified.',
          $metadata: { httpStatusCode: 400 },
        }),
      )
      .rejectsOnce(
        new SESServiceException({
          name: 'InternalFailure',
          $fault: 'server',
          message: 'We encountered an internal error.',
          $metadata: { httpStatusCode: 500 },
        }),
      );
    const mailer = new SesCampaignMailer(ses);

    expect(await mailer.sendRaw(message)).toEqual({
      ok: false,
      failure: { kind: 'rejected', message: 'MessageRejected: Email address is not verified.' },
    });
    await expect(mailer.sendRaw(message)).rejects.toMatchObject({ name: 'InternalFailure' });
    mock.restore();
  });
});

/** The unfolded value of a header line as it appears in the message. */
const headerLine = (lines: HeaderLines, key: string): string | undefined => {
  const line = lines.find((l) => l.key === key)?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};
