// Request bodies of Graph writes: JSON, checked against the type the way Graph words refusals.

import type { Context } from 'hono';
import type { z } from 'zod';
import { GraphError } from './graph-response.ts';

/** Parses the body (empty counts as `{}`) against `schema`; `type` is e.g. `application`. */
export async function readBody<T>(c: Context, schema: z.ZodType<T>, type: string): Promise<T> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new GraphError(
      400,
      'BadRequest',
      `The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  const property = issue?.path.map(String).join('.') || type;
  throw new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource '${type[0]?.toUpperCase()}${type.slice(1)}'.`);
}
