/** Exit codes a script can branch on. */
export const EXIT_CODES = {
  /** The command could not do its work: bad arguments, an unreachable API, an error response. */
  failed: 1,
  /** The command worked, and what it reports did not: an import failed or rejected rows. */
  outcomeNotSucceeded: 2,
} as const;
