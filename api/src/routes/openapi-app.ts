import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthVariables } from '../auth/require-auth.ts';
import { ApiError } from '../problem.ts';

export type AppEnv = { Variables: AuthVariables };

/** A router whose request validation failures become `validation_failed` problems. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(
          400,
          'validation_failed',
          'The request is not valid.',
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
    },
  });
}

export const BEARER = [{ bearer: [] }];
export const json = (description: string) => ({ description, content: { 'application/json': { schema: {} } } });
