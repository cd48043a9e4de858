import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LoadPlan, LoadResult, planSeconds } from './load-plan';

const LOAD_SCRIPT = fileURLToPath(new URL('./run-autocannon.ts', import.meta.url));
/** Past the plan's own length: the generator's start-up, the last responses, and a margin. */
const GRACE_SECONDS = 30;

/**
 * Runs a bounded load in a second process (`run-autocannon.ts` under tsx) and returns what it
 * measured. The child is killed if it outlives the plan by more than the grace period.
 */
export const runLoad = (plan: LoadPlan): Promise<LoadResult> => {
  const checked = LoadPlan.parse(plan);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_SCRIPT], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      (planSeconds(checked) + GRACE_SECONDS) * 1000,
    );
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        const how = signal ?? `exit code ${code}`;
        reject(new Error(`the load generator ended with ${how}: ${stderr.trim()}`));
        return;
      }
      try {
        resolve(LoadResult.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')));
      } catch (error) {
        reject(new Error(`the load generator printed no result: ${(error as Error).message}`));
      }
    });
    child.stdin.end(JSON.stringify(checked));
  });
};
