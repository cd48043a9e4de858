import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Where Shoal's AWS clients point. In a Lambda no endpoints are set and the SDK's defaults apply;
 * on a laptop every service has a loopback endpoint. This is the only place that knows the
 * difference.
 */
export interface AwsClientConfig {
  region: string;
  endpoints?: { dynamodb?: string; s3?: string; ses?: string };
}

export interface AwsClients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  s3: S3Client;
  ses: SESClient;
}

// Fixed credentials keep the SDK from searching the machine for a profile, so a laptop with no AWS
// account works. DynamoDB Local accepts any key id made of letters and digits; s3rver knows only its
// own built-in pair.
export const LOCAL_CREDENTIALS = { accessKeyId: 'shoallocal', secretAccessKey: 'shoallocal' };
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const localOptions = (endpoint: string | undefined, credentials = LOCAL_CREDENTIALS) =>
  endpoint ? { endpoint, credentials } : {};

export const createAwsClients = ({ region, endpoints = {} }: AwsClientConfig): AwsClients => {
  const dynamodb = new DynamoDBClient({ region, ...localOptions(endpoints.dynamodb) });
  const documents = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const s3 = new S3Client({
    region,
    ...localOptions(endpoints.s3, S3RVER_CREDENTIALS),
    ...(endpoints.s3 && {
      forcePathStyle: true,
      // The SDK's default CRC checksums on streamed uploads are mangled by s3rver (aws-chunked
      // bodies stored with their framing); only compute them when an operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  });
  // Pacing SES is Shoal's job (the campaign sender backs off on Throttling and stops on the daily
  // quota, which SES reports with the same error code), so the SDK must not retry behind its back.
  const ses = new SESClient({ region, maxAttempts: 1, ...localOptions(endpoints.ses) });
  return { dynamodb, documents, s3, ses };
};
