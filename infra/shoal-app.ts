import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ShoalStack } from './shoal-stack';

/** Adds Shoal to an app and runs cdk-nag's AWS Solutions pack over it. */
export const buildShoalApp = (app: App): ShoalStack => {
  const stack = new ShoalStack(app, 'Shoal', {
    description: 'Shoal: customer segmentation and segment-targeted e-mail',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
};
