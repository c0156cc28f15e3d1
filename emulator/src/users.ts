// The tenant's users: their profile as Graph shows it, the password they sign in with, and the
// directory roles they hold.

import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { DirectoryRoleTemplate } from './directory-roles.ts';
import { compareById } from './tenant.ts';

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  createdDateTime: string;
  /** Assigned directory roles (never the implicit member role). */
  directoryRoles: DirectoryRoleTemplate[];
  password: string;
}

export type UserInput = Partial<Omit<User, 'userPrincipalName' | 'displayName' | 'password'>> & {
  userPrincipalName: string;
  displayName: string;
  password: string;
};

export class UserExistsError extends Error {}

export class Users {
  private readonly byId = new Map<string, User>();
  private readonly byName = new Map<string, User>();

  add(input: UserInput): User {
    const name = input.userPrincipalName.toLowerCase();
    if (this.byName.has(name)) throw new UserExistsError(`User '${input.userPrincipalName}' already exists.`);
    const user: User = {
      givenName: null,
      surname: null,
      mail: input.userPrincipalName,
      jobTitle: null,
      department: null,
      officeLocation: null,
      businessPhones: [],
      mobilePhone: null,
      preferredLanguage: 'en-US',
      accountEnabled: true,
      createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      directoryRoles: [],
      ...input,
      id: (input.id ?? randomUUID()).toLowerCase(),
    };
    this.byId.set(user.id, user);
    this.byName.set(name, user);
    return user;
  }

  get(id: string): User | undefined {
    return this.byId.get(id.toLowerCase());
  }

  byUserPrincipalName(name: string): User | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Graph addresses a user by object id or by user principal name. */
  find(idOrName: string): User | undefined {
    return this.get(idOrName) ?? this.byUserPrincipalName(idOrName);
  }

  list(): User[] {
    return [...this.byId.values()].sort(compareById);
  }

  /** The user, if `password` is theirs. */
  verifyPassword(name: string, password: string): User | undefined {
    const user = this.byUserPrincipalName(name);
    if (!user) return undefined;
    const known = Buffer.from(user.password);
    const given = Buffer.from(password);
    return known.length === given.length && timingSafeEqual(known, given) ? user : undefined;
  }
}
