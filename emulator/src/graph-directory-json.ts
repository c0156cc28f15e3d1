// Users, groups and directory roles as Graph v1.0 serialises them, and their types as $select,
// $filter and $search see them.

import type { EmulatorContext } from './context.ts';
import type { DirectoryRoleTemplate } from './directory-roles.ts';
import type { EntityType, Row } from './graph-collection.ts';
import type { Group } from './groups.ts';
import { stableGuid } from './stable-guid.ts';
import type { User } from './users.ts';

const USER_PROPERTIES = [
  'id',
  'accountEnabled',
  'businessPhones',
  'createdDateTime',
  'department',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'userType',
] as const;

export const USER_TYPE: EntityType = {
  name: 'microsoft.graph.user',
  resource: 'User',
  properties: USER_PROPERTIES,
  defaultSelect: ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'],
  filterable: {
    id: 'string',
    accountEnabled: 'boolean',
    department: 'string',
    displayName: 'string',
    givenName: 'string',
    jobTitle: 'string',
    mail: 'string',
    mailNickname: 'string',
    officeLocation: 'string',
    surname: 'string',
    userPrincipalName: 'string',
    userType: 'string',
  },
  searchable: ['displayName', 'givenName', 'surname', 'mail', 'mailNickname', 'userPrincipalName', 'jobTitle', 'department'],
};

export function userJson(user: User): Row {
  return {
    id: user.id,
    accountEnabled: user.accountEnabled,
    businessPhones: [...user.businessPhones],
    createdDateTime: user.createdDateTime,
    department: user.department,
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mailNickname: user.userPrincipalName.split('@')[0] ?? null,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    userType: 'Member',
  };
}

const GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'creationOptions',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'uniqueName',
  'visibility',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
] as const;

export const GROUP_TYPE: EntityType = {
  name: 'microsoft.graph.group',
  resource: 'Group',
  properties: GROUP_PROPERTIES,
  filterable: {
    id: 'string',
    description: 'string',
    displayName: 'string',
    mail: 'string',
    mailEnabled: 'boolean',
    mailNickname: 'string',
    securityEnabled: 'boolean',
    visibility: 'string',
  },
  searchable: ['displayName', 'description', 'mail', 'mailNickname'],
};

export function groupJson(group: Group): Row {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    creationOptions: [],
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: group.isAssignableToRole,
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: group.mail ? [`SMTP:${group.mail}`] : [],
    renewedDateTime: group.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: securityIdentifier(group.id),
    theme: null,
    uniqueName: null,
    visibility: group.visibility,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

/** Entra's cloud SIDs: S-1-12-1 and the object id's four 32-bit words. */
function securityIdentifier(id: string): string {
  const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
  const words = [0, 4, 8, 12].map((i) => bytes.readUInt32LE(i));
  return `S-1-12-1-${words.join('-')}`;
}

/** A directory role as `memberOf` lists it: activated per tenant, so its object id is the tenant's. */
export function directoryRoleJson(ctx: EmulatorContext, role: DirectoryRoleTemplate): Row {
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    id: stableGuid(`${ctx.tenantId}:directoryRole:${role.id}`),
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
    roleTemplateId: role.id,
  };
}

/** Groups and directory roles side by side, as in memberOf and transitiveMemberOf. */
export const DIRECTORY_OBJECT_TYPE: EntityType = {
  name: 'microsoft.graph.directoryObject',
  resource: 'DirectoryObject',
  properties: [...GROUP_PROPERTIES, 'roleTemplateId'],
  filterable: { ...GROUP_TYPE.filterable, roleTemplateId: 'string' },
  searchable: ['displayName', 'description'],
};
