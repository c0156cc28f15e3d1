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
      const status = c.res.status;
      const { target = c.req.param('id') ?? null, details = {} } = status < 400 ? describe(c, await acceptedBody(c)) : {};
      const code = c.error instanceof ApiError ? c.error.code : status < 400 ? null : 'http_error';
      await this.append(c, action, { target, status, code, details });
    };
  }

  /**
   * Records an action a route took beside the one its middleware records, with an outcome of its
   * own: deleting a replaced app can fail while the replacement succeeds. `status` and `code` are
   * those of the action (a problem's), not of the answer.
   */
  async append(c: Context<AppEnv>, action: AuditAction, entry: { target: string | null; status: number; code: string | null; details: Record<string, unknown> }): Promise<void> {
    const principal = c.get('principal');
    try {
      await this.store.audit.append({
        at: new Date().toISOString(),
        actor: { oid: principal.oid, tenantId: principal.tenantId, name: principal.name, username: principal.username },
        action,
        outcome: entry.status < 400 ? 'success' : 'failure',
        ...entry,
      });
    } catch (error) {
      // The action happened; losing its record is an operational fault to see in the logs, not the caller's.
      this.logger.error({ err: error, action, target: entry.target }, 'could not write the audit log');
    }
  }
}

/** Hono keeps the body its validator parsed, so reading it again after the route costs nothing. */
async function acceptedBody(c: Context<AppEnv>): Promise<Record<string, unknown> | null> {
  if (!c.req.header('content-type')?.includes('application/json')) return null;
  const body: unknown = await c.req.json().catch(() => null);
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
}
