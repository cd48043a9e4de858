import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildShoalApp, type ShoalStacks } from '../../infra/shoal-app';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * Synthesizes the whole app once per test file, the way `cdk synth` does, and returns the stacks
 * with cdk-nag's validation report. Synthesis throws when cdk-nag reports an error.
 */
export const synthesizeShoal = (): { stacks: ShoalStacks; nagFindings: string[] } => {
  const outdir = mkdtempSync(join(tmpdir(), 'shoal-synth-'));
  const app = new App({ outdir });
  const stacks = buildShoalApp(app);
  app.synth();
  const report = JSON.parse(
    readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const nagFindings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map((c) => `${violation.ruleName} at ${c.constructPath}`),
    ),
  );
  return { stacks, nagFindings };
};
