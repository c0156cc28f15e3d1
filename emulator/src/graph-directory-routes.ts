// Graph v1.0: users and groups for pickers and per-group authorisation — lists with $filter,
// $search and $select, single objects, and a user's (transitive) group memberships, also as the
// getMemberObjects/getMemberGroups actions the groups overage claim points at.

import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { readBody } from './graph-body.ts';
import type { Caller } from './graph-auth.ts';
import { collectionResponse, entityResponse, type Row } from './graph-collection.ts';
import { DIRECTORY_OBJECT_TYPE, directoryRoleJson, GROUP_TYPE, groupJson, USER_TYPE, userJson } from './graph-directory-json.ts';
import { READ_GROUPS, READ_MEMBERSHIPS, READ_SELF, READ_USERS, requirePermission, type Permission } from './graph-permissions.ts';
import { GraphError, odataJson, resourceNotFound, type GraphEnv } from './graph-response.ts';
import { compareById } from './tenant.ts';
import type { User } from './users.ts';

const memberObjectsSchema = z.object({ securityEnabledOnly: z.boolean() }).partial().strict();

export function directoryRoutes(ctx: EmulatorContext): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();
  const { users, groups } = ctx.directory;

  /** `/me` (a signed-in user, who may read themselves with User.Read) or `/users/{id or userPrincipalName}`. */
  const target = (c: Context<GraphEnv>, others: Permission): User => {
    const idOrName = c.req.param('id');
    if (idOrName === undefined) {
      const caller = c.get('caller');
      if (caller.kind !== 'user') throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      requirePermission(c, READ_SELF);
      const me = users.get(caller.userId);
      if (!me) throw resourceNotFound(caller.userId);
      return me;
    }
    const user = users.find(decodeURIComponent(idOrName));
    if (!user) {
      requirePermission(c, others);
      throw resourceNotFound(idOrName);
    }
    if (!isSelf(c.get('caller'), user)) requirePermission(c, others);
    else requirePermission(c, { delegated: [...READ_SELF.delegated, ...others.delegated], application: others.application });
    return user;
  };

  /** Groups (and directory roles) the user is in, directly or through nesting, ordered by id. */
  const membership = (user: User, transitive: boolean, groupsOnly: boolean): Row[] => {
    const groupRows = (transitive ? groups.transitiveGroupsOf(user.id) : groups.groupsOf(user.id)).map((g) =>
      groupsOnly ? groupJson(g) : { '@odata.type': '#microsoft.graph.group', ...groupJson(g) },
    );
    const roleRows = groupsOnly ? [] : user.directoryRoles.map((r) => directoryRoleJson(ctx, r));
    return [...groupRows, ...roleRows].sort(compareById);
  };

  app.get('/users', (c) => {
    requirePermission(c, READ_USERS);
    return collectionResponse(c, ctx, users.list().map(userJson), USER_TYPE, { context: 'users', filter: true, search: true, orderby: true });
  });

  for (const base of ['/me', '/users/:id']) {
    app.get(base, (c) => entityResponse(c, ctx, userJson(target(c, READ_USERS)), USER_TYPE, 'users'));

    for (const [segment, transitive] of [['memberOf', false], ['transitiveMemberOf', true]] as const) {
      app.get(`${base}/${segment}`, (c) => {
        const user = target(c, READ_MEMBERSHIPS);
        return collectionResponse(c, ctx, membership(user, transitive, false), DIRECTORY_OBJECT_TYPE, { context: 'directoryObjects', filter: true, search: true });
      });
      app.get(`${base}/${segment}/microsoft.graph.group`, (c) => {
        const user = target(c, READ_MEMBERSHIPS);
        return collectionResponse(c, ctx, membership(user, transitive, true), GROUP_TYPE, { context: 'groups', filter: true, search: true, orderby: true });
      });
    }

    for (const [action, groupsOnly] of [['getMemberObjects', false], ['getMemberGroups', true]] as const) {
      app.post(`${base}/${action}`, async (c) => {
        const user = target(c, READ_MEMBERSHIPS);
        const { securityEnabledOnly = false } = await readBody(c, memberObjectsSchema, action);
        const rows = membership(user, true, groupsOnly).filter((row) => !securityEnabledOnly || row.securityEnabled !== false);
        return odataJson(c, { '@odata.context': `${ctx.baseUrl}/v1.0/$metadata#Collection(Edm.String)`, value: rows.map((row) => row.id) }, { objects: rows.length });
      });
    }
  }

  app.get('/groups', (c) => {
    requirePermission(c, READ_GROUPS);
    return collectionResponse(c, ctx, groups.list().map(groupJson), GROUP_TYPE, { context: 'groups', filter: true, search: true, orderby: true });
  });

  app.get('/groups/:id', (c) => {
    requirePermission(c, READ_GROUPS);
    const group = groups.get(c.req.param('id'));
    if (!group) throw resourceNotFound(c.req.param('id'));
    return entityResponse(c, ctx, groupJson(group), GROUP_TYPE, 'groups');
  });

  return app;
}

function isSelf(caller: Caller, user: User): boolean {
  return caller.kind === 'user' && caller.userId === user.id;
}
