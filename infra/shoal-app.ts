import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ShoalDataStack } from './shoal-data-stack';

export interface ShoalStacks {
  data: ShoalDataStack;
}

/** Adds Shoal's stacks to an app and runs cdk-nag's AWS Solutions pack over all of them. */
export const buildShoalApp = (app: App): ShoalStacks => {
  const data = new ShoalDataStack(app, 'ShoalData', {
    description: 'Shoal: customer data, segments, campaigns and uploads',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data };
};
