import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  composeCampaignMessage,
  unsubscribeLinks,
} from '../../../core/campaigns/compose-campaign-message';
import { sender } from './fixtures';

const compose = async (html = '<html><body><p>Hello Ada</p></body></html>') => {
  const links = unsubscribeLinks({ sender, token: 'k2.eyJjIjoiYyJ9.sig' });
  const raw = await composeCampaignMessage({
    to: 'ada@example.com',
    rendered: {
      subject: 'Spring sale — 20% off',
      preheader: 'Only this week',
      html,
      text: 'Hello Ada',
    },
    sender,
    links,
    campaignId: 'cmp-1',
    sendId: '0123456789abcdef0123456789abcdef',
    date: new Date('2026-03-10T09:00:00Z'),
  });
  return { raw, mail: await simpleParser(Buffer.from(raw)) };
};

describe('composeCampaignMessage', () => {
  it('addresses the message and keeps a non-ASCII subject intact', async () => {
    const { raw, mail } = await compose();
    expect(raw).toBeInstanceOf(Uint8Array);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Shoal Shop', address: 'news@shop.example' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('ada@example.com');
    expect(mail.subject).toBe('Spring sale — 20% off');
    expect(mail.messageId).toBe('<0123456789abcdef0123456789abcdef@shop.example>');
    expect(mail.date?.toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });

  it('offers one-click unsubscribe over https and mailto (RFC 2369 and 8058)', async () => {
    const { mail } = await compose();
    const line = (key: string) => String(mail.headerLines.find((h) => h.key === key)?.line);
    const header = line('list-unsubscribe');
    expect(header).toContain('<https://api.shop.example/v1/unsubscribe?token=k2.eyJjIjoiYyJ9.sig>');
    expect(header).toContain(
      '<mailto:unsubscribe@shop.example?subject=unsubscribe-k2.eyJjIjoiYyJ9.sig>',
    );
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('names the SES configuration set, the campaign and the send', async () => {
    const { mail } = await compose();
    expect(mail.headers.get('x-ses-configuration-set')).toBe('shoal-campaigns');
    expect(mail.headers.get('x-shoal-campaign')).toBe('cmp-1');
    expect(mail.headers.get('x-shoal-send-id')).toBe('0123456789abcdef0123456789abcdef');
  });

  it('carries text and HTML alternatives with the postal address and unsubscribe link in both', async () => {
    const { raw, mail } = await compose();
    expect(Buffer.from(raw).toString()).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.text).toContain('Hello Ada');
    expect(mail.text).toContain(sender.postalAddress);
    expect(mail.text).toContain('https://api.shop.example/v1/unsubscribe?token=');
    expect(mail.html).toContain(sender.postalAddress);
    expect(mail.html).toContain(
      '<a href="https://api.shop.example/v1/unsubscribe?token=k2.eyJjIjoiYyJ9.sig">Unsubscribe</a>',
    );
  });

  it('puts the preheader in a hidden span at the start of the body and the footer before its end', async () => {
    const { mail } = await compose();
    const html = String(mail.html);
    expect(html).toMatch(
      /<body><span style="display:none[^"]*">Only this week<\/span><p>Hello Ada/,
    );
    expect(html.indexOf(sender.postalAddress)).toBeLessThan(html.indexOf('</body>'));
  });

  it('handles an HTML fragment without a body element', async () => {
    const { mail } = await compose('<p>Fragment</p>');
    expect(String(mail.html)).toMatch(
      /^<span[^>]*>Only this week<\/span><p>Fragment<\/p>.*Unsubscribe/s,
    );
  });

  it('produces the same bytes for the same inputs', async () => {
    const first = await compose();
    const second = await compose();
    expect(Buffer.from(first.raw).equals(Buffer.from(second.raw))).toBe(true);
  });
});
