import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { GRAPH_APP_STEP_WORDS as STEP_WORDS, type GraphAppStep } from '../../../contracts/index.ts';
import { ApiError, explainedError, type ProblemExplanation } from '../problem.ts';
import { graphRequest, GraphRequestError } from './graph-request.ts';

/** Microsoft Graph's own app id: the resource whose app roles (OrgContact.Read.All, …) are granted. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** A new service principal can be unknown to the next call for a few seconds (directory replication). */
const REPLICATION_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

const servicePrincipalListSchema = z.object({
  value: z.array(z.object({ id: z.string(), appRoles: z.array(z.object({ id: z.string(), value: z.string().nullable().optional() })).optional() })),
});
const applicationSchema = z.object({ id: z.string(), appId: z.string(), displayName: z.string().optional() });
const servicePrincipalSchema = z.object({ id: z.string() });
const passwordSchema = z.object({ secretText: z.string(), endDateTime: z.string() });

/**
 * The Graph calls of GENERATE APP and REMOVE APP, made with the administrator's delegated token
 * (Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All). The token is used for these calls
 * only and never kept. Graph's refusals become problems that say what right is missing.
 */
export class AppManagement {
  constructor(
    private readonly graphBaseUrl: string,
    private readonly token: string,
  ) {}

  /** The Microsoft Graph service principal of the tenant and the ids of its app roles by name. */
  async graphServicePrincipal(): Promise<{ id: string; roleIds: Map<string, string> }> {
    const body = servicePrincipalListSchema.parse(
      await this.call('read_graph_service_principal', 'GET', `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${MICROSOFT_GRAPH_APP_ID}'`)}&$select=id,appRoles`),
    );
    const sp = body.value[0];
    if (!sp) throw explainedError(502, 'graph_error', { detailCode: 'graph_service_principal_missing', detailParams: {} }, 'The tenant has no Microsoft Graph service principal.');
    return { id: sp.id, roleIds: new Map((sp.appRoles ?? []).flatMap((r) => (r.value ? [[r.value, r.id] as const] : []))) };
  }

  async createApplication(displayName: string, roleIds: string[]): Promise<{ id: string; appId: string }> {
    return applicationSchema.parse(
      await this.call('create_application', 'POST', '/applications', {
        displayName,
        signInAudience: 'AzureADMyOrg',
        requiredResourceAccess: [{ resourceAppId: MICROSOFT_GRAPH_APP_ID, resourceAccess: roleIds.map((id) => ({ id, type: 'Role' })) }],
      }),
    );
  }

  async createServicePrincipal(appId: string): Promise<string> {
    return servicePrincipalSchema.parse(await this.replicated('create_service_principal', 'POST', '/servicePrincipals', { appId })).id;
  }

  /** Grants an app role to the new service principal: the admin consent. */
  async assignAppRole(principalId: string, resourceId: string, appRoleId: string): Promise<void> {
    await this.replicated('grant_permission', 'POST', `/servicePrincipals/${encodeURIComponent(resourceId)}/appRoleAssignedTo`, {
      principalId,
      resourceId,
      appRoleId,
    });
  }

  async addPassword(applicationId: string, endDateTime: Date): Promise<{ secretText: string; endDateTime: string }> {
    return passwordSchema.parse(
      await this.replicated('add_secret', 'POST', `/applications/${encodeURIComponent(applicationId)}/addPassword`, {
        passwordCredential: { displayName: 'Switchboard', endDateTime: endDateTime.toISOString() },
      }),
    );
  }

  /** Deletes the application (and with it its service principal and secrets); gone already counts as done. */
  async deleteApplication(applicationId: string): Promise<void> {
    try {
      await this.call('delete_application', 'DELETE', `/applications/${encodeURIComponent(applicationId)}`);
    } catch (error) {
      if (error instanceof GraphCallError && error.graphStatus === 404) return;
      throw error;
    }
  }

  /** Retries what fails only because an object created a moment ago has not replicated yet. */
  private async replicated(step: GraphAppStep, method: string, path: string, body: unknown): Promise<unknown> {
    for (const delay of [...REPLICATION_RETRY_DELAYS_MS, null]) {
      try {
        return await this.call(step, method, path, body);
      } catch (error) {
        // Graph words replication misses in several ways ("does not reference a valid application object", "Not a valid reference update"): any 400 or 404 here is retried.
        const retryable = error instanceof GraphCallError && (error.graphStatus === 404 || error.graphStatus === 400);
        if (!retryable || delay === null) throw error;
        await sleep(delay);
      }
    }
    throw new Error('unreachable');
  }

  private async call(step: GraphAppStep, method: string, path: string, body?: unknown): Promise<unknown> {
    try {
      return await graphRequest({ url: `${this.graphBaseUrl}/v1.0${path}`, token: this.token, method, body });
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      if (error.status === 0) {
        throw explainedError(502, 'graph_error', { detailCode: 'graph_unreachable', detailParams: { step } }, `Microsoft Graph could not be reached to ${STEP_WORDS[step]}.`);
      }
      throw new GraphCallError(error.status, error.code, error.graphMessage, step);
    }
  }
}

/** A refusal by Graph of an app-management step, as a problem that names the rights needed; callers can still tell "gone" from "denied". */
export class GraphCallError extends ApiError {
  constructor(
    readonly graphStatus: number,
    readonly graphCode: string,
    readonly graphMessage: string,
    step: GraphAppStep,
  ) {
    const refusal = describeRefusal(graphStatus, graphCode, STEP_WORDS[step]);
    const said = graphMessage ? ` Graph said: "${graphMessage}"` : '';
    const explanation: ProblemExplanation =
      refusal.detailCode === 'graph_step_failed'
        ? { detailCode: refusal.detailCode, detailParams: { step, status: String(graphStatus) } }
        : { detailCode: refusal.detailCode, detailParams: { step } };
    super(refusal.status, refusal.code, `${refusal.sentence}${said}`, undefined, undefined, graphMessage ? { ...explanation, upstreamMessage: graphMessage } : explanation);
  }
}

interface Refusal {
  status: ApiError['status'];
  code: 'graph_permission_denied' | 'graph_token_rejected' | 'graph_error' | 'not_found';
  detailCode: 'graph_sign_in_rejected' | 'entra_roles_missing' | 'graph_object_missing' | 'graph_step_failed';
  sentence: string;
}

function describeRefusal(status: number, code: string, action: string): Refusal {
  if (status === 401) {
    return { status: 401, code: 'graph_token_rejected', detailCode: 'graph_sign_in_rejected', sentence: `Microsoft Graph did not accept the sign-in to ${action}; sign in again.` };
  }
  if (status === 403 || code === 'Authorization_RequestDenied') {
    return {
      status: 403,
      code: 'graph_permission_denied',
      detailCode: 'entra_roles_missing',
      sentence: `Entra refused to ${action}: your account needs the Application Administrator (or Cloud Application Administrator) role to create apps and the Privileged Role Administrator (or Global Administrator) role to grant them Microsoft Graph permissions, and consent to Application.ReadWrite.All and AppRoleAssignment.ReadWrite.All.`,
    };
  }
  if (status === 404) return { status: 404, code: 'not_found', detailCode: 'graph_object_missing', sentence: `Graph could not find what was needed to ${action}.` };
  return { status: 502, code: 'graph_error', detailCode: 'graph_step_failed', sentence: `Microsoft Graph failed to ${action} (HTTP ${status}).` };
}
