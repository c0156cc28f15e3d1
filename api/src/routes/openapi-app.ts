import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthEnv } from '../auth/require-auth.ts';
import { validationFailed } from '../problem.ts';

export type AppEnv = AuthEnv;

/** A router whose request validation failures become `validation_failed` problems. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(result.error.issues);
    },
  });
}

export const BEARER = [{ bearer: [] }];
export const json = (description: string) => ({ description, content: { 'application/json': { schema: {} } } });
