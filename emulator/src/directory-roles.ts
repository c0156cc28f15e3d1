// Entra's built-in directory roles the emulator knows, by their tenant-independent template ids,
// and which of them allow the writes Switchboard's setup makes.

export interface DirectoryRoleTemplate {
  id: string;
  displayName: string;
  description: string;
}

function role(id: string, displayName: string, description: string): DirectoryRoleTemplate {
  return Object.freeze({ id, displayName, description });
}

export const GLOBAL_ADMINISTRATOR = role('62e90394-69f5-4237-9190-012177145e10', 'Global Administrator', 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.');
export const APPLICATION_ADMINISTRATOR = role('9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps.');
export const CLOUD_APPLICATION_ADMINISTRATOR = role('158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.');
export const PRIVILEGED_ROLE_ADMINISTRATOR = role('e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator', 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.');
export const GROUPS_ADMINISTRATOR = role('fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator', 'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.');

export const DIRECTORY_ROLES: readonly DirectoryRoleTemplate[] = [
  GLOBAL_ADMINISTRATOR,
  APPLICATION_ADMINISTRATOR,
  CLOUD_APPLICATION_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  GROUPS_ADMINISTRATOR,
];

export type DirectoryRoleName = (typeof DIRECTORY_ROLES)[number]['displayName'];

/** The implicit role of every member user; Entra lists it in `wids` beside the assigned ones. */
export const MEMBER_USER_ROLE_ID = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** May create and delete app registrations and service principals and add their secrets (in a
 * tenant where ordinary users may not register applications). */
export const APP_MANAGERS: readonly DirectoryRoleTemplate[] = [GLOBAL_ADMINISTRATOR, APPLICATION_ADMINISTRATOR, CLOUD_APPLICATION_ADMINISTRATOR];

/** May grant app roles of Microsoft Graph (admin consent to application permissions): the
 * application administrator roles cannot. */
export const GRAPH_APP_ROLE_GRANTERS: readonly DirectoryRoleTemplate[] = [GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR];

/** May grant app roles of the tenant's own APIs, and consent to delegated permissions for the whole organisation. */
export const CONSENT_GRANTERS: readonly DirectoryRoleTemplate[] = [...APP_MANAGERS, PRIVILEGED_ROLE_ADMINISTRATOR];

/** Whether someone holding `held` has one of the `allowed` roles. */
export function holdsAnyRole(held: readonly DirectoryRoleTemplate[], allowed: readonly DirectoryRoleTemplate[]): boolean {
  return held.some((r) => allowed.some((a) => a.id === r.id));
}

export function findDirectoryRole(displayName: string): DirectoryRoleTemplate | undefined {
  return DIRECTORY_ROLES.find((r) => r.displayName === displayName);
}
