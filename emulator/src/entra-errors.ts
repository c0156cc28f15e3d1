// Entra's OAuth error body: the AADSTS code is both in `error_codes` and at the start of
// `error_description`, followed by trace, correlation and timestamp lines.

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export function entraError(
  c: Context,
  baseUrl: string,
  status: ContentfulStatusCode,
  error: string,
  code: number,
  description: string,
): Response {
  const traceId = randomUUID();
  const correlationId = c.req.header('client-request-id') ?? randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  const body: EntraErrorBody = {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${baseUrl}/error?code=${code}`,
  };
  c.header('Cache-Control', 'no-store, no-cache');
  c.header('Pragma', 'no-cache');
  c.header('x-ms-request-id', traceId);
  c.header('client-request-id', correlationId);
  return c.json(body, status);
}
