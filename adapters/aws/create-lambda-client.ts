import { LambdaClient } from '@aws-sdk/client-lambda';
import { LOCAL_CREDENTIALS } from './aws-clients';

/**
 * Apart from the shared factory because only the admin API invokes functions: keeping the Lambda
 * client out of the common one keeps it out of every other function's bundle.
 */
export const createLambdaClient = ({
  region,
  endpoint,
}: {
  region: string;
  endpoint?: string;
}): LambdaClient =>
  new LambdaClient({ region, ...(endpoint && { endpoint, credentials: LOCAL_CREDENTIALS }) });
