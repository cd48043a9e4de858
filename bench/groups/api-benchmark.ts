import { join } from 'node:path';
import type { BenchmarkContext, BenchmarkGroup } from '../benchmark-group';
import { bundleFunctions, functionNames } from '../bundle-functions';
import { linkNodeModules, measureHandlerInit, median } from '../measure-handler-init';

const INIT_RUNS = 5;

/** Size of what `cdk deploy` uploads per function, and the cold import of it in a fresh `node`. */
const runBundles = async ({ workDir, log, record }: BenchmarkContext): Promise<void> => {
  const names = await functionNames();
  log(`bundling ${names.join(', ')} through ShoalFunction (CDK's local esbuild)`);
  const bundles = bundleFunctions({ names, outdir: join(workDir, 'cdk.out') });
  for (const bundle of bundles) {
    record({
      name: `bundle.${bundle.name}`,
      value: bundle.bytes / 1024,
      unit: 'KB',
      note: `index.mjs; source map ${Math.round(bundle.mapBytes / 1024)} KB more`,
    });
  }
  await linkNodeModules(bundles.map((bundle) => bundle.file));
  for (const bundle of bundles) {
    log(`importing ${bundle.name} in ${INIT_RUNS} fresh processes`);
    const times = await measureHandlerInit({
      file: bundle.file,
      environment: bundle.environment,
      runs: INIT_RUNS,
    });
    log(`  ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    record({
      name: `init.${bundle.name}`,
      value: median(times),
      unit: 'ms',
      note: `median of ${INIT_RUNS} fresh processes, import() only; Node ${process.versions.node}`,
    });
  }
};

export const apiBenchmark: BenchmarkGroup = {
  name: 'api',
  description: 'bundle size and cold init of each function',
  run: async (context) => {
    await runBundles(context);
  },
};
