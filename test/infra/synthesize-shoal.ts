import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildShoalApp } from '../../infra/shoal-app';
import type { ShoalStack } from '../../infra/shoal-stack';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * Synthesizes the whole app once per test file, the way `cdk synth` does, and returns the stack
 * with cdk-nag's validation report. Synthesis throws when cdk-nag reports an error.
 */
export const synthesizeShoal = (): { stack: ShoalStack; nagFindings: string[] } => {
  const outdir = mkdtempSync(join(tmpdir(), 'shoal-synth-'));
  const app = new App({ outdir });
  const stack = buildShoalApp(app);
  app.synth();
  const report = JSON.parse(
    readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const nagFindings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map((c) => `${violation.ruleName} at ${c.constructPath}`),
    ),
  );
  return { stack, nagFindings };
};
