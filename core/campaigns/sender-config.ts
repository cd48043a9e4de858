import { z } from 'zod';
import { UnsubscribeBaseUrl } from './unsubscribe-base-url';

/** Who the campaign mail is from and the legal and technical furniture every message carries. */
export const SenderConfig = z.object({
  /** `Name <address>` or a bare address on a domain verified in SES. */
  from: z.string().min(3),
  replyTo: z.string().optional(),
  /** SES configuration set that publishes delivery, bounce, complaint, open and click events. */
  configurationSet: z.string().min(1),
  /** Origin of the public API that serves `/v1/unsubscribe`; https so one-click POST works. */
  unsubscribeBaseUrl: UnsubscribeBaseUrl,
  /** Mailbox whose inbound rule turns `unsubscribe-<token>` subjects into unsubscribes. */
  unsubscribeMailbox: z.email(),
  /** The sender's physical postal address, required in every commercial message by CAN-SPAM. */
  postalAddress: z.string().min(1),
  /** Right-hand side of the Message-ID, normally the sending domain. */
  messageIdDomain: z.string().min(1),
});
export type SenderConfig = z.infer<typeof SenderConfig>;
