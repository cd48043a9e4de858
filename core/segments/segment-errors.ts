import { ValidationError } from '../shared/errors';

/** Renders `['rule', 'children', 2, 'value']` as `rule.children[2].value`. */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');

/** A segment rule that does not parse or names a field, segment or date that does not exist. */
export class InvalidSegmentRuleError extends ValidationError {
  constructor(
    readonly problem: string,
    path: (string | number)[],
    readonly segmentId?: string,
  ) {
    const where = segmentId === undefined ? '' : ` of segment "${segmentId}"`;
    super(`Invalid segment rule at ${formatPath(path)}${where}: ${problem}`, path, { segmentId });
  }
}

/** Segments whose rules reference each other in a loop, so none of them can be evaluated. */
export class SegmentCycleError extends ValidationError {
  constructor(readonly cycle: string[]) {
    super(`Segments reference each other in a cycle: ${cycle.join(' → ')}`, ['segments'], {
      cycle,
    });
  }
}

/** A replacement RFM table that is malformed or leaves some (R, F, M) cell without a name. */
export class InvalidRfmSegmentTableError extends ValidationError {
  constructor(problem: string, path: (string | number)[]) {
    super(`Invalid RFM segment table at ${formatPath(path) || 'table'}: ${problem}`, path);
  }
}

/** A lifecycle or cluster configuration that does not parse. */
export class InvalidSegmentationConfigError extends ValidationError {
  constructor(problem: string, path: (string | number)[]) {
    super(`Invalid segmentation config at ${formatPath(path) || 'config'}: ${problem}`, path);
  }
}
