import { z } from 'zod';
import { ValidationError } from '../shared/errors';
import type { DeliveryEventType } from './delivery-event';

const Recipient = z.object({ emailAddress: z.string() });

/**
 * The SES message JSON, from a configuration set's event destination (`eventType`) or from
 * identity notifications (`notificationType`). Unknown fields are ignored, not rejected: SES adds
 * fields over time and a notification must never be lost to a schema.
 */
export const SesMessage = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    mail: z.object({
      messageId: z.string().min(1),
      timestamp: z.string(),
      destination: z.array(z.string()).optional(),
    }),
    bounce: z
      .object({
        bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(Recipient).optional(),
        timestamp: z.string().optional(),
      })
      .optional(),
    complaint: z
      .object({
        // Some providers redact the address: Shoal never relies on it, only on the MessageId.
        complainedRecipients: z.array(Recipient).optional(),
        complaintFeedbackType: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .optional(),
    delivery: z.object({ timestamp: z.string().optional() }).optional(),
    open: z.object({ timestamp: z.string().optional() }).optional(),
    click: z.object({ timestamp: z.string().optional(), link: z.string().optional() }).optional(),
    reject: z.object({ reason: z.string().optional() }).optional(),
  })
  .refine((m) => m.eventType !== undefined || m.notificationType !== undefined, {
    message: 'neither eventType nor notificationType',
  });
export type SesMessage = z.infer<typeof SesMessage>;

/** The SNS envelope the SES message arrives in, its JSON as a string in `Message`. */
export const SnsNotification = z.object({
  Type: z.literal('Notification'),
  MessageId: z.string().optional(),
  Message: z.string(),
});
export type SnsNotification = z.infer<typeof SnsNotification>;

export interface NormalisedSesEvent {
  messageId: string;
  /** Undefined for SES events Shoal does not count (Send, DeliveryDelay, Rendering Failure…). */
  type: DeliveryEventType | undefined;
  at: string;
}

const typeOf = (message: SesMessage): DeliveryEventType | undefined => {
  switch (message.eventType ?? message.notificationType) {
    case 'Delivery':
      return 'delivery';
    case 'Bounce':
      // Only a permanent bounce says the address is dead; transient and undetermined may recover.
      return message.bounce?.bounceType === 'Permanent' ? 'bounce' : 'soft_bounce';
    case 'Complaint':
      return 'complaint';
    case 'Open':
      return 'open';
    case 'Click':
      return 'click';
    case 'Reject':
      return 'reject';
    default:
      return undefined;
  }
};

/** Accepts the SNS envelope (as received over HTTP or SQS) or the bare SES message object. */
export const parseSesNotification = (input: unknown): NormalisedSesEvent => {
  const envelope = SnsNotification.safeParse(input);
  let message: SesMessage;
  try {
    message = SesMessage.parse(envelope.success ? JSON.parse(envelope.data.Message) : input);
  } catch (error) {
    throw new ValidationError('not a SES notification', ['notification'], {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const at =
    message.bounce?.timestamp ??
    message.complaint?.timestamp ??
    message.delivery?.timestamp ??
    message.open?.timestamp ??
    message.click?.timestamp ??
    message.mail.timestamp;
  return { messageId: message.mail.messageId, type: typeOf(message), at };
};
