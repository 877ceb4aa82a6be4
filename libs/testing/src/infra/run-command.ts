import { execFile } from 'node:child_process';
import { InfraError, type InfraErrorCode } from './infra-error';

/** Options of `runCommand`. */
export interface RunCommandOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** The code to fail with; `INFRA.COMMAND_FAILED` by default. */
  readonly errorCode?: InfraErrorCode;
}

/** Keeps the end of long tool output, where the actual error usually is. */
export const tail = (text: string, maxLines = 40): string => text.trimEnd().split('\n').slice(-maxLines).join('\n');

/**
 * Runs a program without a shell and resolves with its stdout. A non-zero exit, a missing
 * program or a timeout rejects with an InfraError that carries the command and its output tail.
 */
export function runCommand(file: string, args: readonly string[], options: RunCommandOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 0, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const command = [file, ...args].join(' ');
        const output = tail(`${stdout}\n${stderr}`);
        const message = `${command} failed: ${error.message.split('\n')[0]}${output ? `\n${output}` : ''}`;
        reject(new InfraError(options.errorCode ?? 'INFRA.COMMAND_FAILED', message, { command, output }));
      },
    );
  });
}
