import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { ShoalFunction } from '../infra/constructs/shoal-function';

const REPO_ROOT = new URL('../', import.meta.url).pathname;

export interface BundledFunction {
  /** The folder under `functions/`, e.g. `api-storefront`. */
  name: string;
  /** The ESM bundle Lambda would load (`index.mjs`). */
  file: string;
  bytes: number;
  /** The source map next to it, which ships in the same zip. */
  mapBytes: number;
  /** What ShoalFunction puts in the function's environment itself (NODE_OPTIONS and the like). */
  environment: Record<string, string>;
}

/** Every `functions/<name>/handler.ts`: a new function is benchmarked without touching the bench. */
export const functionNames = async (): Promise<string[]> => {
  const entries = await readdir(join(REPO_ROOT, 'functions'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(REPO_ROOT, 'functions', name, 'handler.ts')))
    .sort();
};

/**
 * Bundles each handler by constructing a `ShoalFunction` in a throw-away CDK app: CDK runs the
 * local esbuild with exactly the options `cdk deploy` uses (format, target, minify, source map,
 * main fields, banner, and the default `@aws-sdk/*` externals), so the figures are the deployed
 * artefact's and cannot drift from it. The app reads `cdk.json`'s feature flags, as `cdk` does.
 */
export const bundleFunctions = ({
  names,
  outdir,
}: {
  names: readonly string[];
  outdir: string;
}): BundledFunction[] => {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const app = new App({ outdir, context: cdkJson.context ?? {} });
  const stack = new Stack(app, 'ShoalBench');
  return names.map((name) => {
    const fn = new ShoalFunction(stack, name, {
      entry: `functions/${name}/handler.ts`,
      description: `bench: ${name}`,
    });
    const asset = fn.node.findChild('Code') as Asset;
    const file = join(outdir, asset.assetPath, 'index.mjs');
    const resolved = stack.resolve((fn.node.defaultChild as CfnFunction).environment) as
      { variables?: Record<string, string> } | undefined;
    return {
      name,
      file,
      bytes: statSync(file).size,
      mapBytes: statSync(`${file}.map`).size,
      environment: resolved?.variables ?? {},
    };
  });
};
