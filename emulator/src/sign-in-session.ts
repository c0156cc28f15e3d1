// The browser's sign-in session with the emulated Entra: a sealed cookie naming the user, so a
// second authorization request (another scope, a silent iframe with prompt=none) needs no password.

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { openToken, sealToken } from './opaque-token.ts';
import type { User } from './users.ts';

const COOKIE = 'ESTSAUTH';
const sessionSchema = z.object({ k: z.literal('ss'), uid: z.string(), sid: z.string() });

export interface SignInSession {
  user: User;
  sid: string;
}

export function readSession(c: Context, ctx: EmulatorContext): SignInSession | undefined {
  const raw = getCookie(c, COOKIE);
  const session = raw === undefined ? undefined : openToken(ctx.tokenSecret, raw, sessionSchema);
  const user = session ? ctx.directory.users.get(session.uid) : undefined;
  return session && user ? { user, sid: session.sid } : undefined;
}

export function startSession(c: Context, ctx: EmulatorContext, user: User): SignInSession {
  const sid = randomUUID();
  // SameSite=None: silent renewal reads the session inside the app's cross-site iframe.
  setCookie(c, COOKIE, sealToken(ctx.tokenSecret, { k: 'ss', uid: user.id, sid }), { path: '/', secure: true, httpOnly: true, sameSite: 'None' });
  return { user, sid };
}

export function endSession(c: Context): void {
  deleteCookie(c, COOKIE, { path: '/', secure: true, sameSite: 'None' });
}
