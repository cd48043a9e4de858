import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadUrlSigner } from '../../core/ports/upload-url-signer';

/** Presigned S3 PUT URLs into the uploads bucket; the upload then triggers ingest like any other. */
export class S3UploadUrlSigner implements UploadUrlSigner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  signUpload({
    key,
    contentType,
    expiresInSeconds,
  }: {
    key: string;
    contentType?: string;
    expiresInSeconds: number;
  }): Promise<string> {
    return getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
      { expiresIn: expiresInSeconds },
    );
  }
}
