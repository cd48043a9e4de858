import { ShoalError } from '../core/shared/errors';
import { EXIT_CODES } from './exit-codes';

/** Prints a failure the way a person can act on it, and sets a non-zero exit code. */
export const reportCliError = (error: unknown): void => {
  if (error instanceof ShoalError) {
    const path = 'path' in error && Array.isArray(error.path) && error.path.length > 0;
    console.error(
      `shoal: ${error.message}${path ? ` (at ${(error.path as unknown[]).join('.')})` : ''}`,
    );
  } else {
    console.error(`shoal: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = EXIT_CODES.failed;
};
