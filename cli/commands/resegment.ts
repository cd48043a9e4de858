import { Command } from 'commander';
import type { SegmentationRun } from '../../core/segmentation-runs/segmentation-run';
import type { ApiClient } from '../api-client';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { EXIT_CODES } from '../exit-codes';
import { formatCount, formatSeconds } from '../format-numbers';
import { formatTable } from '../format-table';
import { pollUntil } from '../poll-until';
import { printJson } from '../print-json';
import { type ProgressIndicator, startProgress } from '../progress-indicator';
import { paintStatus, terminalStyle, type TerminalStyle } from '../terminal-style';

/** Longer than the resegment function may run. */
const RUN_TIMEOUT_MS = 16 * 60_000;
/** Enough history to find the run asked for, even when runs for later dates exist. */
const RUNS_SEARCHED = 100;

interface ResegmentOptions extends ApiTargetOptions {
  asOf?: string;
  wait?: boolean;
  json?: boolean;
}

interface StartedRun {
  runId: string;
  asOf: string;
}

/**
 * Waits for the run the POST named. It reads the run history rather than `/v1/runs/latest`:
 * runs are ordered by as-of date, so a re-run of an earlier date is never the latest. A failed
 * record that started before the request is the previous attempt, not this one's outcome.
 */
const waitForRun = ({
  api,
  started,
  requestedAt,
  progress,
}: {
  api: ApiClient;
  started: StartedRun;
  requestedAt: string;
  progress: ProgressIndicator;
}): Promise<SegmentationRun> =>
  pollUntil({
    read: async () =>
      (
        await api.request<{ runs: SegmentationRun[] }>({
          path: `/v1/runs?limit=${RUNS_SEARCHED}`,
        })
      ).runs.find((run) => run.runId === started.runId),
    isDone: (run): run is SegmentationRun =>
      run !== undefined &&
      run.status !== 'running' &&
      !(run.status === 'failed' && run.startedAt < requestedAt),
    onRead: (run, elapsed) =>
      progress.update({
        label: `segmenting as of ${started.asOf}: ${run?.status ?? 'starting'} (${formatSeconds(elapsed)})`,
      }),
    waitingFor: `segmentation run ${started.runId}`,
    timeoutMs: RUN_TIMEOUT_MS,
  });

/** The run's outcome and, per segment, its size and who entered and left since the last run. */
export const formatRunSummary = ({
  run,
  style,
}: {
  run: SegmentationRun;
  style: TerminalStyle;
}): string => {
  const status = paintStatus({ style, status: run.status })(run.status);
  const took =
    run.finishedAt === undefined
      ? ''
      : ` in ${formatSeconds(Date.parse(run.finishedAt) - Date.parse(run.startedAt))}`;
  const lines = [
    `Run ${run.runId} ${status}${took}: ${formatCount(run.customers)} customers as of ${run.asOf} (${run.timeZone})`,
  ];
  if (run.error) lines.push(style.red(run.error));
  if (run.segments.length > 0) {
    lines.push(
      '',
      formatTable({
        columns: [
          { header: 'SEGMENT' },
          { header: 'KIND' },
          { header: 'CUSTOMERS', align: 'right' },
          { header: 'ENTERED', align: 'right' },
          { header: 'LEFT', align: 'right' },
        ],
        rows: run.segments.map((segment) => [
          segment.segmentName,
          segment.kind,
          formatCount(segment.customers),
          formatCount(segment.entered),
          formatCount(segment.left),
        ]),
      }),
    );
  }
  return lines.join('\n');
};

const printRun = ({ run, json }: { run: SegmentationRun; json?: boolean }): void => {
  if (json) printJson(run);
  else console.log(formatRunSummary({ run, style: terminalStyle() }));
  if (run.status !== 'complete') process.exitCode = EXIT_CODES.outcomeNotSucceeded;
};

/** `shoal resegment`: the nightly run, now. */
export const resegmentCommand = (): Command =>
  withApiTarget(
    new Command('resegment')
      .description(
        'Start a segmentation run now; with --wait, follow it to the end (exit code 2 when it failed)',
      )
      .option('--as-of <date>', 'segment as of this date, YYYY-MM-DD (default: today in the shop)')
      .option('--wait', 'wait for the run to finish and print its segments')
      .option('--json', 'print the API’s JSON (the started run, or with --wait the finished one)'),
  ).action(async (options: ResegmentOptions) => {
    const api = await apiClientFor(options);
    const requestedAt = new Date().toISOString();
    const started = await api.request<StartedRun>({
      method: 'POST',
      path: '/v1/runs',
      body: options.asOf === undefined ? {} : { asOf: options.asOf },
      flags: { asOf: '--as-of' },
    });
    if (!options.wait) {
      if (options.json) printJson(started);
      else {
        console.log(
          `Started run ${started.runId} as of ${started.asOf}; \`npx shoal segments\` shows it once it completes.`,
        );
      }
      return;
    }
    const progress = startProgress();
    const run = await waitForRun({ api, started, requestedAt, progress }).finally(progress.stop);
    printRun({ run, json: options.json });
  });
