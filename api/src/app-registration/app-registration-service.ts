import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  APP_MANAGEMENT_SCOPES,
  GRAPH_APP_PERMISSIONS,
  type AccessCheck,
  type CheckAccessRequest,
  type CheckAccessResponse,
  type DirectoryObjectHit,
  type GeneratedApp,
  type ReplacedApp,
} from '../../../contracts/index.ts';
import { entraAppPortalUrl } from '../../../contracts/entra-portal.ts';
import type { Principal } from '../auth/token-verifier.ts';
import type { Config } from '../config.ts';
import type { ReplacedCredentials } from '../data-sources/data-source-service.ts';
import { AppManagement } from '../graph/app-management.ts';
import { appTokenSource } from '../graph/app-token.ts';
import { readDirectoryObjects } from '../graph/directory-objects.ts';
import { graphRequest, GraphRequestError } from '../graph/graph-request.ts';
import type { Logger } from '../logger.ts';
import { ApiError, dataSourceNotFound, explainedError, problemOf } from '../problem.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { GeneratedAppRecord } from '../store/generated-app-repository.ts';
import type { Store } from '../store/store.ts';

/** How long a generated secret lives; Entra allows up to two years. */
const SECRET_LIFETIME_MS = 2 * 365 * 24 * 3600_000;

interface AppCredentialsInput {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/**
 * GENERATE APP, CHECK ACCESS and REMOVE APP (wizard step 2), and the directory pickers of step 4.
 * A generated app's secret goes straight from Graph into the sealed store: the browser only ever
 * holds a credential id, which the data source takes when it is saved.
 */
export class AppRegistrationService {
  constructor(
    private readonly config: Config,
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly logger: Logger,
  ) {}

  async generate(input: { tenantId: string; displayName: string; graphToken: string }, actor: Principal): Promise<GeneratedApp> {
    requireDelegatedToken(input.graphToken, input.tenantId);
    const graph = new AppManagement(this.config.graph.baseUrl, input.graphToken);
    const graphSp = await graph.graphServicePrincipal();
    const roles = GRAPH_APP_PERMISSIONS.map((p) => ({ ...p, id: graphSp.roleIds.get(p.name) }));
    const unknown = roles.find((r) => r.required && !r.id);
    if (unknown) {
      throw explainedError(502, 'graph_error', { detailCode: 'graph_permission_unknown', detailParams: { permission: unknown.name } }, `Microsoft Graph in this tenant offers no ${unknown.name} permission.`);
    }
    const app = await graph.createApplication(input.displayName, roles.flatMap((r) => (r.id ? [r.id] : [])));
    try {
      const servicePrincipalId = await graph.createServicePrincipal(app.appId);
      const permissions: GeneratedApp['permissions'] = [];
      for (const role of roles) {
        const granted = role.id !== undefined && (await graph.assignAppRole(servicePrincipalId, graphSp.id, role.id).then(() => true, optionalGrant(role.required)));
        permissions.push({ name: role.name, granted });
      }
      const password = await graph.addPassword(app.id, new Date(Date.now() + SECRET_LIFETIME_MS));
      const record: GeneratedAppRecord = {
        credentialId: randomUUID(),
        tenantId: input.tenantId,
        clientId: app.appId,
        appObjectId: app.id,
        displayName: input.displayName,
        permissions,
        secretSealed: this.secrets.seal(password.secretText),
        secretExpiresAt: password.endDateTime,
        createdAt: new Date().toISOString(),
        createdBy: actor.oid,
      };
      await this.store.generatedApps.insert(record);
      return presentGenerated(record);
    } catch (error) {
      // No half-made app stays behind in the customer's directory.
      await graph.deleteApplication(app.id).catch((cleanup: unknown) => this.logger.warn({ err: cleanup, appId: app.appId }, 'could not delete a half-generated app'));
      throw error;
    }
  }

  /** Deletes a generated app no data source has taken (the wizard was left, or the admin changed their mind). */
  async removeGenerated(credentialId: string, graphToken: string): Promise<void> {
    const record = await this.store.generatedApps.get(credentialId);
    if (!record) throw generatedAppNotFound();
    await this.deleteInEntra(graphToken, record);
    await this.store.generatedApps.delete(credentialId);
  }

  /**
   * Deletes in Entra the app a newly generated one replaced (its secret left the store with the
   * replacement). The replacement stands either way, so a refusal is reported, not thrown: the
   * administrator deletes the app in the Entra admin center instead.
   */
  async removeReplaced(app: ReplacedCredentials, graphToken: string): Promise<ReplacedApp> {
    const replaced = { clientId: app.clientId, appObjectId: app.appObjectId, portalUrl: entraAppPortalUrl(app.clientId) };
    try {
      await this.deleteInEntra(graphToken, app);
      return { ...replaced, removed: true, problem: null };
    } catch (error) {
      this.logger.warn({ err: error, appId: app.clientId }, 'could not delete a replaced app');
      const problem = error instanceof ApiError ? error : new ApiError(500, 'internal_error', 'Something went wrong on the server; it has been logged.');
      return { ...replaced, removed: false, problem: problemOf(problem) };
    }
  }

  /** Deletes the app GENERATE APP made for a source, in Entra and here; the source keeps its contacts until the next sync fails. */
  async removeFromSource(sourceId: string, graphToken: string): Promise<void> {
    const source = await this.store.dataSources.get(sourceId);
    if (!source) throw dataSourceNotFound(sourceId);
    if (!source.appObjectId) {
      throw explainedError(
        409,
        'http_error',
        { detailCode: 'app_entered_by_hand', detailParams: {} },
        'This data source uses an app that was entered by hand; Switchboard did not create it and does not delete it. Remove it in Entra, or enter other credentials.',
      );
    }
    await this.deleteInEntra(graphToken, { tenantId: source.tenantId, appObjectId: source.appObjectId });
    await this.store.dataSources.update({ ...source, secretSealed: '', appObjectId: null, updatedAt: new Date().toISOString() });
  }

  /** CHECK ACCESS: an app-only token, the permissions it carries, and one contact read with it. */
  async checkAccess(request: CheckAccessRequest): Promise<CheckAccessResponse> {
    const credentials = await this.credentialsFor(request);
    const checks: AccessCheck[] = [];
    let token: string;
    try {
      token = await this.tokenSource(credentials)();
      checks.push({ name: 'token', ok: true, required: true, code: 'token_issued', detail: 'Entra issued an app-only token for this app.' });
    } catch (error) {
      const upstreamMessage = error instanceof Error ? (error.message.split('\n')[0] ?? '') : undefined;
      checks.push({
        name: 'token',
        ok: false,
        required: true,
        code: 'token_refused',
        ...(upstreamMessage === undefined ? {} : { upstreamMessage }),
        detail: `Entra issued no token for this app: check the tenant id, client id and secret (a new secret can take a minute to work).${upstreamMessage === undefined ? '' : ` Entra said: "${upstreamMessage}"`}`,
      });
      return { ok: false, checks };
    }
    const roles = rolesOf(token);
    for (const permission of GRAPH_APP_PERMISSIONS) {
      const ok = roles.includes(permission.name);
      checks.push({
        name: permission.name,
        ok,
        required: permission.required,
        code: ok ? 'permission_held' : permission.required ? 'permission_missing_required' : 'permission_missing_optional',
        permission: permission.name,
        detail: ok ? `The app holds ${permission.name}.` : `The app lacks ${permission.name}${permission.required ? '; sync cannot read contacts without it' : ''}. Grant it with admin consent, or generate the app again.`,
      });
    }
    checks.push(await this.readOneContact(token));
    return { ok: checks.every((c) => c.ok || !c.required), checks };
  }

  /** The group and user pickers of the authorization step search the tenant with the source's (or generated) app. */
  async searchDirectory(kind: 'groups' | 'users', search: string, app: { credentialId: string } | { sourceId: string }): Promise<DirectoryObjectHit[]> {
    const token = this.tokenSource(await this.credentialsFor(app));
    try {
      return await readDirectoryObjects(this.config.graph.baseUrl, token, kind, search);
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      if (error.status === 403) {
        const permission = kind === 'groups' ? 'GroupMember.Read.All' : 'User.ReadBasic.All';
        throw explainedError(
          403,
          'graph_permission_denied',
          { detailCode: 'app_permission_missing', detailParams: { permission } },
          `The app may not search ${kind}: it lacks ${permission}. Generate the app again, or grant it with admin consent.`,
        );
      }
      throw explainedError(502, 'graph_error', { detailCode: 'graph_search_failed', detailParams: {} }, `Microsoft Graph could not search ${kind}${error.status ? ` (HTTP ${error.status})` : ''}.`);
    }
  }

  private async readOneContact(token: string): Promise<AccessCheck> {
    try {
      await graphRequest({ url: `${this.config.graph.baseUrl}/v1.0/contacts?$top=1&$select=id`, token });
      return { name: 'read', ok: true, required: true, code: 'contact_read', detail: 'One mail contact was read.' };
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      const failed = { name: 'read', ok: false, required: true } as const;
      if (!error.status) return { ...failed, code: 'graph_unreachable', detail: 'Reading mail contacts failed: Graph could not be reached.' };
      return { ...failed, code: 'contact_read_failed', httpStatus: error.status, detail: `Reading mail contacts failed (HTTP ${error.status}).` };
    }
  }

  /** Deletes an app Switchboard generated, with the administrator's delegated token for its tenant; gone already counts as done. */
  private async deleteInEntra(graphToken: string, app: { tenantId: string; appObjectId: string }): Promise<void> {
    requireDelegatedToken(graphToken, app.tenantId);
    await new AppManagement(this.config.graph.baseUrl, graphToken).deleteApplication(app.appObjectId);
  }

  private tokenSource(credentials: AppCredentialsInput): () => Promise<string> {
    return appTokenSource({ authorityHost: this.config.auth.authorityHost, scope: this.config.graph.scope, ...credentials });
  }

  private async credentialsFor(request: CheckAccessRequest): Promise<AppCredentialsInput> {
    if ('clientSecret' in request) return request;
    if ('credentialId' in request) {
      const record = await this.store.generatedApps.get(request.credentialId);
      if (!record) throw generatedAppNotFound();
      return { tenantId: record.tenantId, clientId: record.clientId, clientSecret: this.secrets.open(record.secretSealed) };
    }
    const source = await this.store.dataSources.get(request.sourceId);
    if (!source) throw dataSourceNotFound(request.sourceId);
    if (!source.secretSealed) {
      throw explainedError(409, 'http_error', { detailCode: 'source_has_no_app', detailParams: {} }, 'This data source has no app credentials: generate an app or enter them.');
    }
    return { tenantId: source.tenantId, clientId: source.clientId, clientSecret: this.secrets.open(source.secretSealed) };
  }
}

/**
 * Takes a generated app for a data source being saved: its credentials move into the source.
 * Given the store of the transaction that inserts the source, so both happen or neither.
 */
export async function takeGeneratedApp(store: Store, credentialId: string, tenantId: string): Promise<{ clientId: string; secretSealed: string; appObjectId: string }> {
  const record = await store.generatedApps.get(credentialId);
  if (!record) throw generatedAppNotFound();
  if (record.tenantId.toLowerCase() !== tenantId.toLowerCase()) {
    throw explainedError(
      400,
      'validation_failed',
      { detailCode: 'generated_app_other_tenant', detailParams: { appTenantId: record.tenantId, tenantId } },
      `The generated app belongs to tenant ${record.tenantId}, not ${tenantId}.`,
    );
  }
  await store.generatedApps.delete(credentialId);
  return { clientId: record.clientId, secretSealed: record.secretSealed, appObjectId: record.appObjectId };
}

export function presentGenerated(record: GeneratedAppRecord): GeneratedApp {
  return {
    credentialId: record.credentialId,
    tenantId: record.tenantId,
    clientId: record.clientId,
    appObjectId: record.appObjectId,
    displayName: record.displayName,
    permissions: record.permissions,
    secretExpiresAt: record.secretExpiresAt,
    portalUrl: entraAppPortalUrl(record.clientId),
  };
}

/** An optional permission that could not be granted is reported, not fatal; a required one is. */
function optionalGrant(required: boolean): (error: unknown) => false {
  return (error) => {
    if (required) throw error;
    return false;
  };
}

/**
 * Reads (does not verify: that is Graph's job) the delegated token, so that a missing consent or
 * the wrong tenant is told in plain words before Graph answers with a bare 403.
 */
function requireDelegatedToken(token: string, tenantId: string): void {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw explainedError(401, 'graph_token_rejected', { detailCode: 'graph_sign_in_not_a_token', detailParams: {} }, 'The Microsoft Graph sign-in is not a token; sign in again.');
  }
  const signedInTenantId = claims['tid'];
  if (typeof signedInTenantId === 'string' && signedInTenantId.toLowerCase() !== tenantId.toLowerCase()) {
    throw explainedError(
      400,
      'validation_failed',
      { detailCode: 'graph_sign_in_other_tenant', detailParams: { signedInTenantId, tenantId } },
      `You signed in to tenant ${signedInTenantId}, but the data source reads tenant ${tenantId}.`,
    );
  }
  const scopes = typeof claims['scp'] === 'string' ? claims['scp'].split(' ') : [];
  const missing = APP_MANAGEMENT_SCOPES.filter((s) => !scopes.includes(s));
  if (missing.length > 0) {
    throw explainedError(
      403,
      'graph_permission_denied',
      { detailCode: 'graph_scopes_missing', detailParams: { scopes: missing.join(', ') } },
      `The sign-in lacks the delegated permission${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}; consent to ${missing.length > 1 ? 'them' : 'it'} when asked.`,
    );
  }
}

function generatedAppNotFound(): ApiError {
  return explainedError(404, 'not_found', { detailCode: 'generated_app_not_found', detailParams: {} }, 'The generated app was not found.');
}

function rolesOf(token: string): string[] {
  try {
    const roles = decodeJwt(token)['roles'];
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
