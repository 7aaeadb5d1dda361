/**
 * Structured logs: one JSON object per line on stdout. Never log a token or a request body:
 * callers pass only the fields they mean to record.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function jsonLogger(minLevel: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[minLevel]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

/** For tests and benchmarks: records nothing. */
export const silentLogger: Logger = { log() {} };
