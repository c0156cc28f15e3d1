import { pino, type Logger } from 'pino';

export type { Logger };

/** Field paths that may hold credentials; pino replaces them before a line is written. */
const REDACT = [
  'authorization',
  'req.headers.authorization',
  '*.clientSecret',
  '*.secret',
  '*.accessToken',
  '*.access_token',
  '*.password',
  'clientSecret',
  'secret',
  'password',
];

/** The debug line of an answered request (LOG_LEVEL=debug), written alike by the app and by routes answered before it. */
export function logAnswered(logger: Logger, request: { requestId: string | string[] | undefined; method: string; path: string; status: number; started: number }): void {
  const { started, ...fields } = request;
  logger.debug({ ...fields, ms: Math.round(performance.now() - started) }, 'request');
}

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
