import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { RenderedContent } from './campaign-template';
import type { SenderConfig } from './sender-config';

export interface UnsubscribeLinks {
  /** One-click (RFC 8058) and footer link. */
  url: string;
  /** For mail clients that only do RFC 2369 mailto unsubscribes. */
  mailto: string;
}

export const unsubscribeLinks = ({
  sender,
  token,
}: {
  sender: SenderConfig;
  token: string;
}): UnsubscribeLinks => {
  const url = new URL('/v1/unsubscribe', sender.unsubscribeBaseUrl);
  url.searchParams.set('token', token);
  const mailto = `mailto:${sender.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe-${token}`)}`;
  return { url: url.toString(), mailto };
};

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const insertAfterBodyOpen = (html: string, fragment: string): string => {
  const open = /<body\b[^>]*>/i.exec(html);
  return open
    ? html.slice(0, open.index + open[0].length) +
        fragment +
        html.slice(open.index + open[0].length)
    : fragment + html;
};

const insertBeforeBodyClose = (html: string, fragment: string): string => {
  const close = html.search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(0, close) + fragment + html.slice(close) : html + fragment;
};

const withHtmlFurniture = (
  rendered: RenderedContent,
  sender: SenderConfig,
  links: UnsubscribeLinks,
): string => {
  // Inbox previews show the first text of the body; the hidden span makes that the preheader.
  const preheader = rendered.preheader
    ? `<span style="display:none!important;visibility:hidden;opacity:0;color:transparent;height:0;width:0;max-height:0;max-width:0;overflow:hidden;mso-hide:all">${escapeHtml(rendered.preheader)}</span>`
    : '';
  const address = escapeHtml(sender.postalAddress).replace(/\r?\n/g, '<br>');
  const footer =
    `<div style="margin-top:32px;font-size:12px;color:#666666;text-align:center">` +
    `<p>${address}</p>` +
    `<p><a href="${escapeHtml(links.url)}">Unsubscribe</a> from these e-mails.</p></div>`;
  return insertBeforeBodyClose(insertAfterBodyOpen(rendered.html, preheader), footer);
};

/**
 * Builds the raw MIME message for one recipient with nodemailer's composer.
 * 1. HTML: the preheader as a hidden span first, then the body, then a footer with the postal
 *    address and an unsubscribe link (CAN-SPAM).
 * 2. Text: the written or HTML-derived text with the same footer.
 * 3. Headers: List-Unsubscribe with the https and mailto URIs plus List-Unsubscribe-Post for
 *    one-click (RFC 8058), the SES configuration set, the campaign and the send id, and a
 *    Message-ID derived from the send id.
 * The multipart boundary is derived from the send id too, so the same inputs give the same bytes.
 */
export const composeCampaignMessage = async ({
  to,
  rendered,
  sender,
  links,
  campaignId,
  sendId,
  date,
}: {
  to: string;
  rendered: RenderedContent;
  sender: SenderConfig;
  links: UnsubscribeLinks;
  campaignId: string;
  sendId: string;
  date: Date;
}): Promise<Uint8Array> => {
  const html = withHtmlFurniture(rendered, sender, links);
  const text = `${rendered.text.trimEnd()}\n\n--\n${sender.postalAddress}\nUnsubscribe: ${links.url}\n`;
  const composer = new MailComposer({
    from: sender.from,
    to,
    replyTo: sender.replyTo,
    subject: rendered.subject,
    text,
    html,
    date,
    messageId: `<${sendId}@${sender.messageIdDomain}>`,
    baseBoundary: sendId.slice(0, 16),
    headers: {
      // nodemailer's `list` option lives in the transport's message builder, not in MailComposer.
      'List-Unsubscribe': `<${links.url}>, <${links.mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-SES-CONFIGURATION-SET': sender.configurationSet,
      'X-Shoal-Campaign': campaignId,
      'X-Shoal-Send-Id': sendId,
    },
  });
  const raw = await new Promise<Buffer>((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
};
