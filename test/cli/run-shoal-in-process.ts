import type { Command } from 'commander';
import { vi } from 'vitest';
import { reportCliError } from '../../cli/report-cli-error';
import { shoalProgram } from '../../cli/shoal-program';

export interface ShoalRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Commander exits the process on a usage error unless every command is told to throw instead. */
const throwInsteadOfExit = (command: Command, stderr: string[]): void => {
  command.exitOverride().configureOutput({
    writeOut: (text) => void stderr.push(text),
    writeErr: (text) => void stderr.push(text),
  });
  for (const child of command.commands) throwInsteadOfExit(child, stderr);
};

/**
 * Runs `shoal ARGS…` in this process, the way bin/shoal.js does, and returns what it printed and
 * its exit code. Much faster than a child process, so the unit tests can cover every command.
 */
export const runShoal = async (...args: string[]): Promise<ShoalRun> => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout.push(parts.join(' '));
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr.push(parts.join(' '));
  });
  process.exitCode = undefined;
  const program = shoalProgram();
  throwInsteadOfExit(program, stderr);
  try {
    await program.parseAsync(['node', 'shoal', ...args]);
  } catch (thrown) {
    // Commander has already printed its own usage errors; everything else goes the CLI's way.
    if ((thrown as { code?: string }).code?.startsWith('commander.')) process.exitCode = 1;
    else reportCliError(thrown);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n'), exitCode };
};
