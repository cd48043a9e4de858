import { S3Schema } from '@aws-lambda-powertools/parser/schemas';
import { z } from 'zod';
import type { UploadRef } from '../../core/ports/import-store';

/** S3 sends this once when a notification is configured; it names no object. */
const S3TestEvent = z.object({ Event: z.literal('s3:TestEvent') });

/**
 * S3 URL-encodes keys in notifications (a space arrives as `+`). This is the one place they are
 * decoded; the local stack encodes the keys of its S3 server's events the same way.
 */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** The uploads an SQS message body announces: none for a test event or a non-create event. */
export const uploadsFromNotification = (body: string): UploadRef[] => {
  const json: unknown = JSON.parse(body);
  if (S3TestEvent.safeParse(json).success) return [];
  return S3Schema.parse(json)
    .Records.filter((record) => record.eventName.startsWith('ObjectCreated:'))
    .map(({ s3, eventTime }) => ({
      bucket: s3.bucket.name,
      key: decodeS3Key(s3.object.key),
      ...(s3.object.versionId && { versionId: s3.object.versionId }),
      ...(s3.object.eTag && { eTag: s3.object.eTag }),
      ...(s3.object.size !== undefined && { size: s3.object.size }),
      uploadedAt: eventTime,
    }));
};
