// Opaque, tamper-evident tokens (skip, delta and refresh tokens): base64url JSON plus an
// HMAC, so clients cannot forge state and garbage is recognised as such.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

export function sealToken(secret: Buffer, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export function openToken<T>(secret: Buffer, token: string, schema: z.ZodType<T>): T | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
}
