// Microsoft Graph as it appears in every tenant: a service principal of Microsoft's own
// application, publishing app roles (application permissions) and delegated scopes. Ids are
// Microsoft's and the same in every tenant; the set is the part of Graph's catalogue that
// Switchboard and its setup touch.

import { GRAPH_APP_ID } from './context.ts';
import type { AppRole, PermissionScope } from './app-registrations.ts';

/** Microsoft's own tenant: owner of the first-party applications. */
export const MICROSOFT_SERVICES_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const GRAPH_DISPLAY_NAME = 'Microsoft Graph';

function appRole(id: string, value: string, displayName: string, description: string): AppRole {
  return { allowedMemberTypes: ['Application'], description, displayName, id, isEnabled: true, origin: 'Application', value };
}

function scope(id: string, value: string, type: 'User' | 'Admin', displayName: string, description: string): PermissionScope {
  return {
    adminConsentDescription: description,
    adminConsentDisplayName: displayName,
    id,
    isEnabled: true,
    type,
    userConsentDescription: description,
    userConsentDisplayName: displayName,
    value,
  };
}

export const GRAPH_APP_ROLES: readonly AppRole[] = [
  appRole('9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30', 'Application.Read.All', 'Read all applications', 'Allows the app to read all applications and service principals without a signed-in user.'),
  appRole('1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', 'Application.ReadWrite.All', 'Read and write all applications', 'Allows the app to create, read, update and delete applications and service principals without a signed-in user. Does not allow management of consent grants.'),
  appRole('06b708a9-e830-4db3-a914-8e69da51d44f', 'AppRoleAssignment.ReadWrite.All', 'Manage app permission grants and app role assignments', 'Allows the app to manage permission grants for application permissions to any API (including Microsoft Graph) and application assignments for any app, without a signed-in user.'),
  appRole('089fe4d0-434a-44c5-8827-41ba8a0b17f5', 'Contacts.Read', 'Read contacts in all mailboxes', 'Allows the app to read all contacts in all mailboxes without a signed-in user.'),
  appRole('7ab1d382-f21e-4acd-a863-ba3e13f7da61', 'Directory.Read.All', 'Read directory data', "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user."),
  appRole('19dbc75e-c2e2-444c-a770-ec69d8559fc7', 'Directory.ReadWrite.All', 'Read and write directory data', "Allows the app to read and write data in your organization's directory, such as users, and groups, without a signed-in user. Does not allow user or group deletion."),
  appRole('5b567255-7703-4780-807c-7be8301ae99b', 'Group.Read.All', 'Read all groups', 'Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user.'),
  appRole('98830695-27a2-44f7-8c18-0c3ebc9698f6', 'GroupMember.Read.All', 'Read all group memberships', 'Allows the app to read memberships and basic group properties for all groups without a signed-in user.'),
  appRole('e1a88a34-94c4-4418-be12-c87b00e26bea', 'OrgContact.Read.All', 'Read organizational contacts', "Allows the app to read all organizational contacts without a signed-in user.  These contacts are managed by the organization and are different from a user's personal contacts."),
  appRole('df021288-bdef-4463-88db-98f22de89214', 'User.Read.All', "Read all users' full profiles", "Allows the app to read user profiles without a signed in user."),
  appRole('97235f07-e226-4f63-ace3-39588e11d3a1', 'User.ReadBasic.All', "Read all users' basic profiles", 'Allows the app to read a basic set of profile properties of other users in your organization without a signed-in user.'),
];

export const GRAPH_SCOPES: readonly PermissionScope[] = [
  scope('c79f8feb-a9db-4090-85f9-90d820caa0eb', 'Application.Read.All', 'Admin', 'Read applications', 'Allows the app to read applications and service principals on behalf of the signed-in user.'),
  scope('bdfbf15f-ee85-4955-8675-146e8e5296b5', 'Application.ReadWrite.All', 'Admin', 'Read and write all applications', 'Allows the app to create, read, update and delete applications and service principals on behalf of the signed-in user. Does not allow management of consent grants.'),
  scope('84bccea3-f856-4a8a-967b-dbe0a3d53a64', 'AppRoleAssignment.ReadWrite.All', 'Admin', 'Manage app permission grants and app role assignments', 'Allows the app to manage permission grants for application permissions to any API (including Microsoft Graph) and application assignments for any app, on behalf of the signed-in user.'),
  scope('06da0dbc-49e2-44d2-8312-53f166ab848a', 'Directory.Read.All', 'Admin', 'Read directory data', "Allows the app to read data in your organization's directory, such as users, groups and apps."),
  scope('c5366453-9fb0-48a5-a156-24f0c49a4b84', 'Directory.ReadWrite.All', 'Admin', 'Read and write directory data', "Allows the app to read and write data in your organization's directory, such as users, and groups."),
  scope('64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0', 'email', 'User', "View users' email address", "Allows the app to read your users' primary email address."),
  scope('5f8c59db-677d-491f-a6b8-5f174b11ec1d', 'Group.Read.All', 'Admin', 'Read all groups', 'Allows the app to list groups, and to read their properties and all group memberships on behalf of the signed-in user.'),
  scope('bc024368-1153-4739-b217-4326f2e966d0', 'GroupMember.Read.All', 'Admin', 'Read group memberships', 'Allows the app to list groups, read basic group properties and read membership of all groups the signed-in user has access to.'),
  scope('7427e0e9-2fba-42fe-b0c0-848c9e6a8182', 'offline_access', 'User', 'Maintain access to data you have given it access to', "Allows the app to see and update the data you gave it access to, even when users are not currently using the app."),
  scope('37f7f235-527c-4136-accd-4a02d197296e', 'openid', 'User', 'Sign users in', 'Allows users to sign in to the app with their work or school accounts and allows the app to see basic user profile information.'),
  scope('08432d1b-5911-483c-86df-7980af5cdee0', 'OrgContact.Read.All', 'Admin', 'Read organizational contacts', 'Allows the app to read all organizational contacts on behalf of the signed-in user.'),
  scope('14dad69e-099b-42c9-810b-d002981feec1', 'profile', 'User', "View users' basic profile", "Allows the app to see your users' basic profile (e.g., name, picture, user name, email address)."),
  scope('e1fe6dd8-ba31-4d61-89e7-88639da4683d', 'User.Read', 'User', 'Sign in and read user profile', 'Allows the app to read the profile of signed-in users and basic company information.'),
  scope('a154be20-db9c-4678-8ab7-66f6cc099a59', 'User.Read.All', 'Admin', "Read all users' full profiles", 'Allows the app to read the full set of profile properties, reports, and managers of other users in your organization, on behalf of the signed-in user.'),
  scope('b340eb25-3456-403f-be2f-af7a0d370277', 'User.ReadBasic.All', 'User', "Read all users' basic profiles", 'Allows the app to read a basic set of profile properties of other users in your organization on behalf of the signed-in user.'),
];

/** The OpenID Connect scopes: Graph publishes them, and they never name a resource of their own. */
export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access']);

export const GRAPH_SERVICE_PRINCIPAL_NAMES = [
  `${GRAPH_APP_ID}/ags.windows.net`,
  GRAPH_APP_ID,
  'https://canary.graph.microsoft.com',
  'https://graph.microsoft.com',
  'https://ags.windows.net',
  'https://graph.microsoft.us',
  'https://graph.microsoft.com/',
  'https://dod-graph.microsoft.us',
];
