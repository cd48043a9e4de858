import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readStackOutputs } from '../../cli/stack-outputs';

const cloudFormation = mockClient(CloudFormationClient);

afterEach(() => cloudFormation.reset());

describe('readStackOutputs', () => {
  it('returns the stack’s outputs by key', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'shoal-prod' }).resolves({
      Stacks: [
        {
          StackName: 'shoal-prod',
          CreationTime: new Date(0),
          StackStatus: 'CREATE_COMPLETE',
          Outputs: [
            { OutputKey: 'ApiUrl', OutputValue: 'https://abc.execute-api.eu-west-1.amazonaws.com' },
            { OutputKey: 'UserPoolId', OutputValue: 'eu-west-1_x' },
          ],
        },
      ],
    });

    const outputs = await readStackOutputs({ stackName: 'shoal-prod' });

    expect(outputs).toEqual({
      ApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      UserPoolId: 'eu-west-1_x',
    });
  });

  it('names the stack when CloudFormation refuses', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejects(new Error('Stack with id nope does not exist'));

    await expect(readStackOutputs({ stackName: 'nope' })).rejects.toThrow(
      'cannot read the outputs of stack nope: Stack with id nope does not exist',
    );
  });
});
