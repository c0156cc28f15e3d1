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

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
