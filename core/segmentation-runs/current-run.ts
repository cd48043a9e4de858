import type { SegmentStore } from '../ports/segment-store';
import type { SegmentationRun } from './segmentation-run';
import { NotFoundError } from '../shared/errors';

/** The last complete run, which every admin read shows; undefined before the first one. */
export const findCurrentRun = async (
  segments: SegmentStore,
): Promise<SegmentationRun | undefined> => {
  const runId = await segments.getCurrentRunId();
  return runId === undefined ? undefined : segments.getRun(runId);
};

export const requireCurrentRun = async (segments: SegmentStore): Promise<SegmentationRun> => {
  const run = await findCurrentRun(segments);
  if (run === undefined) {
    throw new NotFoundError('no segmentation run has completed yet; import data and run one');
  }
  return run;
};
