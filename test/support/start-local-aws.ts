import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type LocalAwsConfig, startLocalAws } from '../../infra/local/start-local-aws';

declare module 'vitest' {
  export interface ProvidedContext {
    localAws: LocalAwsConfig;
  }
}

/** Vitest global setup for the integration project: one real local AWS stack for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startLocalAws();
  project.provide('localAws', local.config);
  return () => local.stop();
}
