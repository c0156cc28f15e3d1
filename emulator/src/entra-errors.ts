// Entra's OAuth error body: the AADSTS code is both in `error_codes` and at the start of
// `error_description`, followed by trace, correlation and timestamp lines.

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EmulatorContext } from './context.ts';

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** The fields of one refusal, with a fresh trace id: the JSON body of an endpoint's error, or the
 *  part of it (`error`, `error_description`) the authorization endpoint sends back to the app. */
export function entraErrorFields(baseUrl: string, error: string, code: number, description: string, correlationId: string): EntraErrorBody {
  const traceId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${baseUrl}/error?code=${code}`,
  };
}

export function entraError(
  c: Context,
  baseUrl: string,
  status: ContentfulStatusCode,
  error: string,
  code: number,
  description: string,
  /** More fields of the body, e.g. `suberror`. */
  extra: Record<string, string> = {},
): Response {
  const fields = entraErrorFields(baseUrl, error, code, description, c.req.header('client-request-id') ?? randomUUID());
  c.header('Cache-Control', 'no-store, no-cache');
  c.header('Pragma', 'no-cache');
  c.header('x-ms-request-id', fields.trace_id);
  c.header('client-request-id', fields.correlation_id);
  return c.json({ ...fields, ...extra }, status);
}

// The refusals several Entra endpoints share, worded as Entra words them.

export function unknownTenant(c: Context, ctx: EmulatorContext, tenant: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

export function missingParameter(c: Context, ctx: EmulatorContext, name: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

export function unknownClientDescription(ctx: EmulatorContext, clientId: string): string {
  return `Application with identifier '${clientId}' was not found in the directory '${ctx.directory.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`;
}

export function unknownClient(c: Context, ctx: EmulatorContext, clientId: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'unauthorized_client', 700016, unknownClientDescription(ctx, clientId));
}

export function missingClientSecret(c: Context, ctx: EmulatorContext): Response {
  return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
}

export function badClientSecret(c: Context, ctx: EmulatorContext, clientId: string, problem: 'invalid' | 'expired'): Response {
  if (problem === 'expired') {
    return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000222, `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`);
  }
  return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
}

export function invalidResourceDescription(ctx: EmulatorContext, resource: string): string {
  return `The resource principal named ${resource} was not found in the tenant named ${ctx.directory.domain}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`;
}

export function consentRequiredDescription(clientId: string, clientName: string): string {
  return `The user or administrator has not consented to use the application with ID '${clientId}' named '${clientName}'. Send an interactive authorization request for this user and resource.`;
}
