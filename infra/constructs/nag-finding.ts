import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag names a resource ARN in a finding id (`<LogicalId.Arn>`). cdk-nag 3 acknowledges
 * each wildcard finding by its exact id, so grants compute the ids they acknowledge from the
 * resources they grant on, instead of hard-coding generated logical ids.
 */
export const nagArn = (resource: IConstruct): string => {
  const cfn = resource.node.defaultChild;
  if (!CfnResource.isCfnResource(cfn))
    throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
};
