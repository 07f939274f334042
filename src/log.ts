/** A structured logger: one JSON object a line on stderr. Never given the token. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** For tests and quiet runs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** An error as loggable fields, with its stack only in the log. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack };
  }
  return { err: String(error) };
}
