import { z } from 'zod';
import type { DataSourceView } from './datasource.ts';
import type { Problem } from './problem.ts';

/**
 * Graph application permissions of an app that GENERATE APP creates. Only the first is needed to
 * sync; the others serve authorization by groups (group picker, users in many groups) and by
 * users (user picker). Role ids are read from the Microsoft Graph service principal by name.
 */
export const GRAPH_APP_PERMISSIONS = [
  { name: 'OrgContact.Read.All', required: true },
  { name: 'GroupMember.Read.All', required: false },
  { name: 'User.ReadBasic.All', required: false },
] as const;
export type GraphAppPermission = (typeof GRAPH_APP_PERMISSIONS)[number]['name'];

/** Delegated Graph scopes the administrator consents to for GENERATE APP and REMOVE APP. */
export const APP_MANAGEMENT_SCOPES = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All'] as const;

const tenantId = z.string().trim().min(1).max(100);
/** A delegated Graph access token of the administrator, used once by the API and never stored. */
const graphToken = z.string().min(20).max(20_000);

export const generateAppSchema = z.object({
  tenantId,
  displayName: z.string().trim().min(1).max(120).default('Switchboard directory sync'),
  graphToken,
});
export type GenerateAppRequest = z.input<typeof generateAppSchema>;

/**
 * A generated app whose secret the API holds (sealed) until a data source takes it: the wizard
 * generates in step 2 and saves in step 7. The secret itself never reaches the browser.
 */
export interface GeneratedApp {
  credentialId: string;
  tenantId: string;
  clientId: string;
  appObjectId: string;
  displayName: string;
  permissions: { name: GraphAppPermission; granted: boolean }[];
  secretExpiresAt: string;
  /** The app in the Entra admin center. */
  portalUrl: string;
}

/** Which credentials CHECK ACCESS tries: typed in (manual path), generated, or a saved source's. */
export const checkAccessSchema = z.union([
  z.object({ tenantId, clientId: z.string().trim().min(1).max(100), clientSecret: z.string().min(1).max(1000) }).strict(),
  z.object({ credentialId: z.string().uuid() }).strict(),
  z.object({ sourceId: z.string().min(2).max(63) }).strict(),
]);
export type CheckAccessRequest = z.infer<typeof checkAccessSchema>;

/** Which sentence an access check's `detail` is; the web words each itself. */
export const ACCESS_CHECK_CODES = [
  'token_issued',
  'token_refused',
  'permission_held',
  'permission_missing_required',
  'permission_missing_optional',
  'contact_read',
  'contact_read_failed',
  'graph_unreachable',
] as const;
export type AccessCheckCode = (typeof ACCESS_CHECK_CODES)[number];

export interface AccessCheck {
  /** `token`: Entra issued an app-only token; a permission name: the token carries it; `read`: one contact was read. */
  name: 'token' | GraphAppPermission | 'read';
  ok: boolean;
  required: boolean;
  /** Which sentence `detail` is. */
  code: AccessCheckCode;
  /** The permission the sentence names (`permission_*` codes). */
  permission?: GraphAppPermission;
  /** Graph's HTTP status (`contact_read_failed`). */
  httpStatus?: number;
  /** What Entra said when it refused a token, in its words (`token_refused`). */
  upstreamMessage?: string;
  /** A sentence for the administrator, in English: what was found, or what to do. */
  detail: string;
}

export interface CheckAccessResponse {
  /** Every required check passed: sync will work. */
  ok: boolean;
  checks: AccessCheck[];
}

export const removeAppSchema = z.object({ graphToken });
export type RemoveAppRequest = z.input<typeof removeAppSchema>;

/** A generated app takes a saved source's place of its current app, which is deleted in Entra if Switchboard generated it. */
export const replaceAppSchema = z.object({ credentialId: z.string().uuid(), graphToken }).strict();
export type ReplaceAppRequest = z.input<typeof replaceAppSchema>;

/** What became of the app a generated one replaced. */
export interface ReplacedApp {
  clientId: string;
  appObjectId: string;
  /** The app in the Entra admin center, to delete it there when Switchboard could not. */
  portalUrl: string;
  /** Deleted in Entra (or gone already); false: it is still there, and `problem` says why. */
  removed: boolean;
  problem: Problem | null;
}

export interface ReplaceAppResponse {
  /** The source, with the new app: the replacement stands whatever became of the old app. */
  source: DataSourceView;
  /** null when the source had no app Switchboard generated (none, or one entered by hand, which Switchboard never deletes). */
  replaced: ReplacedApp | null;
}

/** Group and user pickers of the authorization step search the tenant with these credentials. */
export const directoryObjectSearchSchema = z
  .object({
    search: z.string().trim().min(1).max(100),
    credentialId: z.string().uuid().optional(),
    sourceId: z.string().min(2).max(63).optional(),
  })
  .refine((q) => (q.credentialId === undefined) !== (q.sourceId === undefined), { message: 'name the app to search with: credentialId or sourceId', path: ['credentialId'] });

export interface DirectoryObjectHit {
  id: string;
  displayName: string;
  /** Mail or user principal name, to tell same-named objects apart. */
  secondary: string | null;
}
