import { GetSendQuotaCommand, SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer, RawEmail, SendFailure, SendQuota, SendResult } from '../../core/ports/mailer';
import { DependencyFailedError } from '../../core/shared/errors';

export interface SesCampaignMailerConfig {
  /** Set on every send so SES publishes its events; the message's own header names it too. */
  configurationSetName?: string;
}

// SES v1 answers both limits with the same error code; only the message tells them apart.
const THROTTLING_ERRORS = new Set(['Throttling', 'ThrottlingException']);
const DAILY_QUOTA = /daily message quota exceeded/i;

/**
 * The Mailer port over SES v1 SendRawEmail. The SES client must not retry by itself
 * (aws-clients.ts builds it with maxAttempts 1): the campaign sender paces and backs off, and an
 * SDK retry after a timeout could send a message twice.
 */
export class SesCampaignMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly config: SesCampaignMailerConfig = {},
  ) {}

  async sendRaw(message: RawEmail): Promise<SendResult> {
    let messageId: string | undefined;
    try {
      const result = await this.ses.send(
        new SendRawEmailCommand({
          Source: message.from,
          Destinations: message.to,
          RawMessage: { Data: message.raw },
          ConfigurationSetName: this.config.configurationSetName,
        }),
      );
      messageId = result.MessageId;
    } catch (error) {
      const failure = sendFailureOf(error);
      // Network errors and 5xx leave it open whether SES took the message: the caller reconciles.
      if (!failure) throw error;
      return { ok: false, failure };
    }
    if (!messageId) throw new DependencyFailedError('SES accepted a message without a MessageId');
    return { ok: true, messageId };
  }

  async getSendQuota(): Promise<SendQuota> {
    const quota = await this.ses.send(new GetSendQuotaCommand({}));
    return {
      maxSendRatePerSecond: quota.MaxSendRate ?? 0,
      // -1 means unlimited; the sender treats a negative quota that way.
      max24HourSend: quota.Max24HourSend ?? 0,
      sentLast24Hours: quota.SentLast24Hours ?? 0,
    };
  }
}

/** The port's failure for an SES answer that says the message was refused, else undefined. */
const sendFailureOf = (error: unknown): SendFailure | undefined => {
  if (!(error instanceof Error)) return undefined;
  if (DAILY_QUOTA.test(error.message)) return { kind: 'daily-quota-exceeded' };
  if (THROTTLING_ERRORS.has(error.name)) return { kind: 'throttled' };
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: 'rejected', message: `${error.name}: ${error.message}` };
  }
  return undefined;
};
