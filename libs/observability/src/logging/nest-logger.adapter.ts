import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's `LoggerService` over pino, so that Nest's own lines (bootstrap, route mapping, errors it
 * catches) are JSON like ours. Nest passes the context (the component name) as the last string
 * argument and, for `error`, a stack trace before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // error(message, stack?, context?): a lone string is a stack if it spans lines, else a context
    const [stack, context] = params.length >= 2 ? params : isStack(params[0]) ? [params[0], undefined] : [undefined, params[0]];
    const fields = { ...(typeof context === 'string' ? { context } : {}), ...(typeof stack === 'string' ? { stack } : {}) };
    if (message instanceof Error) this.logger.error({ ...fields, err: message }, message.message);
    else this.logger.error(fields, stringify(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const context = params[params.length - 1];
    this.logger[level](typeof context === 'string' ? { context } : {}, stringify(message));
  }
}

const isStack = (value: unknown): boolean => typeof value === 'string' && value.includes('\n');

function stringify(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message); // circular structures
  }
}
