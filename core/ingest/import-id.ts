import { createHash } from 'node:crypto';
import type { UploadRef } from '../ports/import-store';

/**
 * The import id is a digest of the object version, so every re-delivery of the same S3 event names
 * the same import and the claim on it decides who processes the file.
 */
export const importIdFor = ({ bucket, key, versionId, eTag }: UploadRef): string =>
  `imp-${createHash('sha256')
    .update([bucket, key, versionId ?? '', eTag ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 24)}`;
