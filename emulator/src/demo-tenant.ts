// Who works at the emulated Contoso: users (all with the password "demo"), the directory roles
// they hold, nested groups, one user in more groups than a token can list, and the Switchboard
// API's app registration. Object ids derive from names, so they are the same on every start.

import type { DirectoryRoleName } from './directory-roles.ts';
import { stableGuid } from './stable-guid.ts';

export const DEFAULT_DOMAIN = 'contoso.example';
export const DEFAULT_API_CLIENT_ID = '5b1f7a9e-3c42-4d8b-9e61-2f0a7c4d8e15';
export const DEMO_PASSWORD = 'demo';

/** The Switchboard API's app role for administrators (as in aad.manifest.json). */
export const DIRECTORY_ADMIN_ROLE = { id: '60d5d6f2-6d34-4107-8096-ae975e6418d7', value: 'Directory.Admin' } as const;

export interface TenantUserSeed {
  username: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  businessPhones: string[];
  directoryRoles: DirectoryRoleName[];
  /** App roles on the Switchboard API. */
  apiRoles: string[];
  oid: string;
}

export interface GroupSeed {
  displayName: string;
  description: string;
  /** Microsoft 365 group (mail-enabled, not a security group) instead of a security group. */
  unified?: boolean;
  mail?: string;
  /** Usernames and display names of other groups. */
  members: string[];
}

/** A user of the emulated tenant as the Switchboard API's demo sign-in knows them. */
export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  /** App roles on the Switchboard API app. */
  roles: string[];
  oid: string;
}

function person(
  local: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  department: string,
  officeLocation: string,
  extension: string,
  directoryRoles: DirectoryRoleName[] = [],
  apiRoles: string[] = [],
  oid = stableGuid(`user:${local}@${DEFAULT_DOMAIN}`),
): TenantUserSeed {
  return {
    username: `${local}@${DEFAULT_DOMAIN}`,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    jobTitle,
    department,
    officeLocation,
    // Contoso's PBX: main number +49 89 12340, three-digit extensions.
    businessPhones: [`+49 89 12340-${extension}`],
    directoryRoles,
    apiRoles,
    oid,
  };
}

export const TENANT_USERS: readonly TenantUserSeed[] = [
  person('admin', 'Ada', 'Admin', 'IT Administrator', 'IT', 'Munich', '100', ['Global Administrator'], [DIRECTORY_ADMIN_ROLE.value], '0f6e2a1c-8d3b-4b7e-9a52-6c1d4e8f0a11'),
  person('user', 'Uli', 'User', 'Sales Representative', 'Sales', 'Munich', '210', [], [], '7c3b9d2e-1f4a-4c6d-8e0b-5a2f9c7d1e22'),
  person('cloudadmin', 'Cleo', 'Cloud', 'Cloud Engineer', 'IT', 'Munich', '101', ['Cloud Application Administrator']),
  person('privadmin', 'Priya', 'Privileged', 'Identity Architect', 'IT', 'Berlin', '102', ['Application Administrator', 'Privileged Role Administrator'], [DIRECTORY_ADMIN_ROLE.value]),
  // Manages Switchboard but holds no directory role, so Entra refuses her app registrations.
  person('helpdesk', 'Hanna', 'Helpdesk', 'IT Helpdesk', 'IT', 'Berlin', '103', [], [DIRECTORY_ADMIN_ROLE.value]),
  person('sarah.schmidt', 'Sarah', 'Schmidt', 'Account Manager DACH', 'Sales', 'Munich', '211'),
  person('sven.larsen', 'Sven', 'Larsen', 'Account Manager Nordics', 'Sales', 'Copenhagen', '212'),
  person('susanne.weber', 'Susanne', 'Weber', 'Support Engineer', 'Support', 'Berlin', '300'),
  person('mia.mueller', 'Mia', 'Müller', 'Managing Director', 'Management', 'Munich', '001'),
  person('rita.rossi', 'Rita', 'Rossi', 'Receptionist', 'Facilities', 'Munich', '000', ['Groups Administrator']),
  person('otto.overage', 'Otto', 'Overage', 'Project Coordinator', 'PMO', 'Hamburg', '400'),
];

/** Otto Overage is in every project group: more groups than Entra lists in a token. */
export const PROJECT_GROUP_COUNT = 210;

const projectGroups: GroupSeed[] = Array.from({ length: PROJECT_GROUP_COUNT }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  const members = [`otto.overage@${DEFAULT_DOMAIN}`];
  if (n === '042') members.push(`user@${DEFAULT_DOMAIN}`);
  return { displayName: `Project P${n}`, description: `Team of project P${n}`, members };
});

export const TENANT_GROUPS: readonly GroupSeed[] = [
  { displayName: 'All Contoso', description: 'Everyone at Contoso: news, events and the canteen menu', unified: true, mail: `allcontoso@${DEFAULT_DOMAIN}`, members: TENANT_USERS.map((u) => u.username) },
  { displayName: 'All Staff', description: 'Every employee, through their department', members: ['IT', 'Sales', 'Support', 'Management', 'Reception', `otto.overage@${DEFAULT_DOMAIN}`] },
  { displayName: 'IT', description: 'IT department', members: [`admin@${DEFAULT_DOMAIN}`, `cloudadmin@${DEFAULT_DOMAIN}`, `privadmin@${DEFAULT_DOMAIN}`, `helpdesk@${DEFAULT_DOMAIN}`] },
  { displayName: 'Switchboard Administrators', description: 'Manage Switchboard data sources', members: [`admin@${DEFAULT_DOMAIN}`, `privadmin@${DEFAULT_DOMAIN}`, `helpdesk@${DEFAULT_DOMAIN}`] },
  { displayName: 'Sales', description: 'Sales department', mail: `sales@${DEFAULT_DOMAIN}`, members: ['Sales DACH', 'Sales Nordics'] },
  { displayName: 'Sales DACH', description: 'Sales in Germany, Austria and Switzerland', members: [`user@${DEFAULT_DOMAIN}`, `sarah.schmidt@${DEFAULT_DOMAIN}`] },
  { displayName: 'Sales Nordics', description: 'Sales in Denmark, Norway, Sweden and Finland', members: [`sven.larsen@${DEFAULT_DOMAIN}`] },
  { displayName: 'Support', description: 'Customer support', members: [`susanne.weber@${DEFAULT_DOMAIN}`] },
  { displayName: 'Customer Facing', description: 'Everyone who talks to customers', members: ['Sales', 'Support', `rita.rossi@${DEFAULT_DOMAIN}`] },
  { displayName: 'Management', description: 'Management board', members: [`mia.mueller@${DEFAULT_DOMAIN}`] },
  { displayName: 'Reception', description: 'Front desk and switchboard operators', members: [`rita.rossi@${DEFAULT_DOMAIN}`] },
  { displayName: 'Munich Office', description: 'Everyone based in Munich', members: TENANT_USERS.filter((u) => u.officeLocation === 'Munich').map((u) => u.username) },
  ...projectGroups,
];

const DEMO_USERNAMES = new Set(['admin', 'user', 'helpdesk'].map((local) => `${local}@${DEFAULT_DOMAIN}`));

/** The users the Switchboard API's demo sign-in offers: an administrator who can set up data
 * sources, a user, and an administrator whom Entra refuses GENERATE APP (the wizard says why). */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze(
  TENANT_USERS.filter((u) => DEMO_USERNAMES.has(u.username)).map((u) =>
    Object.freeze({ username: u.username, password: DEMO_PASSWORD, displayName: u.displayName, roles: [...u.apiRoles], oid: u.oid }),
  ),
);

export function groupId(displayName: string): string {
  return stableGuid(`group:${displayName}`);
}
