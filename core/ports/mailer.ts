/** A fully composed MIME message ready for the wire. */
export interface RawEmail {
  from: string;
  to: string[];
  raw: Uint8Array;
}

export interface SendQuota {
  maxSendRatePerSecond: number;
  max24HourSend: number;
  sentLast24Hours: number;
}

/** Why a send did not happen, in terms the pacing logic can act on. */
export type SendFailure =
  { kind: 'throttled' } | { kind: 'daily-quota-exceeded' } | { kind: 'rejected'; message: string };

export type SendResult = { ok: true; messageId: string } | { ok: false; failure: SendFailure };

/** Sends e-mail: SES in AWS, the local SES endpoint on a laptop. */
export interface Mailer {
  sendRaw(message: RawEmail): Promise<SendResult>;
  getSendQuota(): Promise<SendQuota>;
}
