// Graph's response envelopes: OData JSON bodies, the error body, and the per-request ids
// every Graph response carries.

import { randomUUID } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Caller } from './graph-auth.ts';

const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** `objects`: how many directory objects the answer holds, for the simulated latency. */
export function odataJson(c: Context, body: unknown, { status = 200, objects }: { status?: ContentfulStatusCode; objects?: number } = {}): Response {
  if (objects !== undefined) c.set('objects', objects);
  return c.body(JSON.stringify(body), status, { 'Content-Type': ODATA_JSON });
}

export interface GraphEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    clientRequestId: string;
    /** Who calls, from the access token. */
    caller: Caller;
    /** Caller's app, from the access token: the resource-unit bucket is per app + tenant. */
    appId?: string;
    tenantId?: string;
    /** Objects in the page answered; the per-object part of the latency scales with it. */
    objects?: number;
  };
}

export class GraphError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Replaces the usual innerError with Graph's throttling shape: {code, date, request-id, status}. */
    readonly inner?: { code: string; status: string },
  ) {
    super(message);
  }
}

/** Graph's 404 for an object that does not exist (or has not replicated yet). */
export function resourceNotFound(id: string): GraphError {
  return new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** A list or delta skiptoken older than Behaviour.pageTokenLifetimeMs. */
export function expiredPageToken(): GraphError {
  return new GraphError(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.');
}

/** Graph writes innerError.date without fraction or zone: 2024-05-01T10:11:12. */
function graphDate(): string {
  return new Date().toISOString().slice(0, 19);
}

export const requestIds: MiddlewareHandler<GraphEnv> = async (c, next) => {
  const requestId = randomUUID();
  // Without a client-request-id from the caller, Graph reports its own request id there too.
  const clientRequestId = c.req.header('client-request-id') ?? requestId;
  c.set('requestId', requestId);
  c.set('clientRequestId', clientRequestId);
  c.header('request-id', requestId);
  c.header('client-request-id', clientRequestId);
  c.header('x-ms-ags-diagnostic', JSON.stringify({ ServerInfo: { DataCenter: 'Emulator', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'localhost' } }));
  c.header('x-ms-resource-unit', '1');
  await next();
};

export function graphErrorResponse(c: Context<GraphEnv>, error: GraphError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        innerError: error.inner
          ? { code: error.inner.code, date: graphDate(), 'request-id': c.get('requestId'), status: error.inner.status }
          : {
              date: graphDate(),
              'request-id': c.get('requestId'),
              'client-request-id': c.get('clientRequestId'),
            },
      },
    },
    error.status,
  );
}
