import pino from 'pino';

/** A structured logger: the subset of pino the bot uses. Never given the token. */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * pino, one JSON object a line on stderr (stdout is for answers in console mode), written
 * synchronously so nothing is lost when the process exits. Any field that could hold a
 * credential is censored, as a second guard: the token is never passed to the log at all.
 */
export function createLogger(level: LogLevel = 'info', destination: number | NodeJS.WritableStream = 2): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  }, stream);
}

/** For tests and quiet runs. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** An error as loggable fields, with its stack only in the log. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack };
  }
  return { err: String(error) };
}
