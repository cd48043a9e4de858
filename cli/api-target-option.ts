import type { Command } from 'commander';
import { type ApiClient, createApiClient } from './api-client';
import { resolveApiTarget } from './resolve-api-target';
import { STACK_OUTPUT_KEYS } from './stack-outputs';

export interface ApiTargetOptions {
  stack?: string;
}

const TARGET_HELP = `
Target:
  Without --stack the command talks to the local stack started by \`npx shoal dev\`:
  http://127.0.0.1:$SHOAL_API_PORT (default 4600), with the admin key from SHOAL_ADMIN_KEY or
  the one \`shoal dev\` saved in .local/data/secrets.json.
  --stack NAME talks to a deployed stack instead: the API's URL is the stack's CloudFormation
  output "${STACK_OUTPUT_KEYS.apiUrl}" (read with the AWS credentials and region the AWS SDK finds),
  and the bearer token is SHOAL_ADMIN_TOKEN: a JWT (ID or access token) of a user of the stack's
  Cognito user pool (outputs "UserPoolId" and "UserPoolClientId"), which API Gateway's JWT
  authorizer checks. Sign in to the deployed dashboard (output "DashboardUrl") and choose
  "Copy API token" for one; it lasts an hour.`;

/** Adds `--stack NAME` and the help that says how the target and its token are found. */
export const withApiTarget = (command: Command): Command =>
  command
    .option('--stack <name>', 'a deployed stack (CloudFormation name) instead of the local one')
    .addHelpText('after', TARGET_HELP);

/** The client for the target the options name. */
export const apiClientFor = async ({ stack }: ApiTargetOptions): Promise<ApiClient> =>
  createApiClient({ target: await resolveApiTarget({ stackName: stack }) });
