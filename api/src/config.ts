import { z } from 'zod';
import { diallingProfileSchema, type DiallingProfile } from '../../contracts/index.ts';
import type { RateLimit } from './auth/rate-limiter.ts';

/**
 * Every setting the API reads, parsed once at start. Invalid variables are reported together
 * so an operator fixes them in one go. Each variable is documented in the README.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const demoUserSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  displayName: z.string().min(1),
  isAdmin: z.boolean().default(false),
});

const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().optional(),
    SECRET_KEY: z.string().optional(),
    SECRET_KEY_FILE: z.string().optional(),
    AUTH_AUTHORITY_HOST: z.url({ protocol: /^https$/ }).default('https://login.microsoftonline.com'),
    AUTH_TENANT_ID: z.string().min(1),
    AUTH_CLIENT_ID: z.string().min(1),
    AUTH_API_SCOPE: z.string().optional(),
    AUTH_ALLOWED_TENANTS: z.string().optional(),
    GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com'),
    GRAPH_SCOPE: z.string().default('https://graph.microsoft.com/.default'),
    WEB_DIST_DIR: z.string().optional(),
    DEFAULT_DIALLING_PROFILE: z.string().optional(),
    SYNC_ON_START: booleanFlag.default(true),
    SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    METRICS_TOKEN: z.string().min(16).optional(),
    CORS_ORIGINS: z.string().optional(),
    RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    DEMO_MODE: booleanFlag.default(false),
    DEMO_USERS: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DEMO_MODE && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['DEMO_MODE'], message: 'demo mode cannot run with NODE_ENV=production' });
    }
    if (env.DEMO_MODE && !env.DEMO_USERS) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_USERS'], message: 'required when DEMO_MODE is on' });
    }
  });

export interface Config {
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  databaseFile: string;
  secretKey: { value: string } | { file: string };
  auth: { authorityHost: string; tenantId: string; clientId: string; apiScope: string; allowedTenants: string[] | '*' };
  graph: { baseUrl: string; scope: string };
  webDistDir: string | null;
  /** How incoming numbers are read when a lookup names no data source's profile. */
  defaultDiallingProfile: DiallingProfile;
  syncOnStart: boolean;
  /** Graph requests in flight per tenant, shared by all of that tenant's data sources. */
  syncConcurrency: number;
  /** Bearer token a Prometheus scraper sends for /metrics; without one /metrics is off. */
  metricsToken: string | null;
  /** Origins of other web apps allowed to call the API from a browser; none by default. */
  corsOrigins: string[];
  /** Per user; bursts of a quarter of a minute's allowance pass at once. */
  rateLimits: { search: RateLimit; lookup: RateLimit };
  demo: { users: z.infer<typeof demoUserSchema>[] } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseFile: sqliteFile(e.DATABASE_URL, e.DATA_DIR),
    secretKey: e.SECRET_KEY ? { value: e.SECRET_KEY } : { file: e.SECRET_KEY_FILE ?? `${e.DATA_DIR}/secret.key` },
    auth: {
      authorityHost: trimSlash(e.AUTH_AUTHORITY_HOST),
      tenantId: e.AUTH_TENANT_ID,
      clientId: e.AUTH_CLIENT_ID,
      apiScope: e.AUTH_API_SCOPE ?? `api://${e.AUTH_CLIENT_ID}/access_as_user`,
      allowedTenants: tenantList(e.AUTH_ALLOWED_TENANTS),
    },
    graph: { baseUrl: trimSlash(e.GRAPH_BASE_URL), scope: e.GRAPH_SCOPE },
    webDistDir: e.WEB_DIST_DIR ?? null,
    defaultDiallingProfile: parseJsonVariable('DEFAULT_DIALLING_PROFILE', e.DEFAULT_DIALLING_PROFILE ?? '{"country":"DE"}', diallingProfileSchema),
    syncOnStart: e.SYNC_ON_START,
    syncConcurrency: e.SYNC_CONCURRENCY,
    metricsToken: e.METRICS_TOKEN ?? null,
    corsOrigins: originList(e.CORS_ORIGINS),
    rateLimits: { search: perMinute(e.RATE_LIMIT_SEARCH_PER_MINUTE), lookup: perMinute(e.RATE_LIMIT_LOOKUP_PER_MINUTE) },
    demo: e.DEMO_MODE ? { users: parseJsonVariable('DEMO_USERS', e.DEMO_USERS ?? '', z.array(demoUserSchema).min(1)) } : null,
  };
}

function parseJsonVariable<T extends z.ZodType>(name: string, json: string, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ConfigError([`${name}: not valid JSON`]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${name}.${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

function sqliteFile(url: string | undefined, dataDir: string): string {
  if (!url) return `${dataDir}/switchboard.db`;
  if (url.startsWith('sqlite:')) return url.slice('sqlite:'.length);
  throw new ConfigError([`DATABASE_URL: unsupported scheme in "${url.split(':')[0]}:" (supported: sqlite:)`]);
}

function originList(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  const invalid = origins.filter((o) => !/^https?:\/\/[^/\s]+$/.test(o));
  if (invalid.length > 0) throw new ConfigError([`CORS_ORIGINS: not an origin (scheme://host[:port]): ${invalid.join(', ')}`]);
  return origins;
}

function perMinute(limit: number): RateLimit {
  return { perMinute: limit, burst: Math.max(1, Math.round(limit / 4)) };
}

/** `*` for any tenant (multi-tenant operation), else tenant ids besides the home tenant. */
function tenantList(value: string | undefined): string[] | '*' {
  if (value?.trim() === '*') return '*';
  return (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
