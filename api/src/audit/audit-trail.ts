import type { Context, MiddlewareHandler } from 'hono';
import type { AuditAction } from '../../../contracts/index.ts';
import type { Logger } from '../logger.ts';
import { ApiError } from '../problem.ts';
import type { AppEnv } from '../routes/openapi-app.ts';
import type { Store } from '../store/store.ts';

/**
 * What a successful action touched and which settings it named; never their values. `body` is
 * the request body the route accepted (already validated), or null when it has none.
 */
export type Describe = (c: Context<AppEnv>, body: Record<string, unknown> | null) => { target?: string | null; details?: Record<string, unknown> };

/**
 * Records administrative actions: who (from the verified token), what, on which object, when,
 * and how it ended. Placed in front of the role check, so refused attempts are recorded too.
 */
export class AuditTrail {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  record(action: AuditAction, describe: Describe = () => ({})): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      await next();
      const principal = c.get('principal');
      const status = c.res.status;
      const { target = c.req.param('id') ?? null, details = {} } = status < 400 ? describe(c, await acceptedBody(c)) : {};
      try {
        await this.store.audit.append({
          at: new Date().toISOString(),
          actor: { oid: principal.oid, tenantId: principal.tenantId, name: principal.name, username: principal.username },
          action,
          target,
          outcome: status < 400 ? 'success' : 'failure',
          status,
          code: c.error instanceof ApiError ? c.error.code : status < 400 ? null : 'http_error',
          details,
        });
      } catch (error) {
        // The action happened; losing its record is an operational fault to see in the logs, not the caller's.
        this.logger.error({ err: error, action, target }, 'could not write the audit log');
      }
    };
  }
}

/** Hono keeps the body its validator parsed, so reading it again after the route costs nothing. */
async function acceptedBody(c: Context<AppEnv>): Promise<Record<string, unknown> | null> {
  if (!c.req.header('content-type')?.includes('application/json')) return null;
  const body: unknown = await c.req.json().catch(() => null);
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
}
