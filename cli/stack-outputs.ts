import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/**
 * The CloudFormation outputs `--stack NAME` reads. The CDK stack must export outputs with exactly
 * these keys; they live here, in one constant, so the two sides can be matched by name.
 * - `ApiUrl`: the HTTP API's base URL without the `/v1` stage path, e.g.
 *   `https://abc123.execute-api.eu-west-1.amazonaws.com`.
 */
export const STACK_OUTPUT_KEYS = { apiUrl: 'ApiUrl' } as const;

/** Reads a deployed stack's outputs as key → value, with the credentials and region the AWS SDK finds. */
export const readStackOutputs = async ({
  stackName,
}: {
  stackName: string;
}): Promise<Record<string, string>> => {
  const client = new CloudFormationClient({});
  try {
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    return Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).flatMap(({ OutputKey, OutputValue }) =>
        OutputKey && OutputValue !== undefined ? [[OutputKey, OutputValue]] : [],
      ),
    );
  } catch (error) {
    throw new Error(`cannot read the outputs of stack ${stackName}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    client.destroy();
  }
};
