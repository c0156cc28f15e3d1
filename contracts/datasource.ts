import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const DATA_SOURCE_TYPES = ['m365-mail-contacts'] as const;
export type DataSourceType = (typeof DATA_SOURCE_TYPES)[number];

const digits = (max: number) => z.string().regex(new RegExp(`^\\d{1,${max}}$`), `1 to ${max} digits`);

/**
 * The telephony context numbers are read in (the incumbents' "location"): stored numbers of a
 * data source are completed and normalised with it, and a PBX's incoming numbers are read with
 * the caller's. Area code and main number are national significant digits, without trunk prefix
 * (DE Munich: areaCode "89"; IT Rome: "06", since Italy keeps its 0; US Manhattan: "212").
 */
export const diallingProfileSchema = z.object({
  /** ISO 3166 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/),
  areaCode: digits(6).nullable().default(null),
  /** The company's base number without extension, national significant digits incl. area code (e.g. "89987654"). */
  mainNumber: digits(14).nullable().default(null),
  /** Digits of an internal extension; inputs this short are read as extensions of the main number. */
  extensionLength: z.number().int().min(1).max(6).nullable().default(null),
  /** What the PBX dials before external numbers ("0" in most German PBXs, "9" in the US). */
  outsideLinePrefix: z.string().regex(/^\d{1,2}$/).nullable().default(null),
  /** How numbers are shown: `shortest` drops what the viewer's profile makes obvious. */
  displayFormat: z.enum(['international', 'national', 'shortest']).default('shortest'),
});
export type DiallingProfile = z.infer<typeof diallingProfileSchema>;
export type DiallingProfileInput = z.input<typeof diallingProfileSchema>;

/** Wizard step 3: how a stored number reads with a dialling profile, before anything is saved. */
export const phonePreviewSchema = z.object({
  number: z.string().max(LIMITS.numberMaxLength),
  dialling: diallingProfileSchema,
});

export interface PhonePreview {
  /** What a caller's network presents; null when the number cannot be read with this profile. */
  e164: string | null;
  /** Base number when an extension is known. */
  main: string | null;
  extension: string | null;
  display: { international: string; national: string; shortest: string } | null;
  /** Why it cannot be read: 'empty' | 'unreadable' | 'invalid' | 'needs-main-number' | 'needs-area-code'. */
  problem: string | null;
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/**
 * When delta rounds run: every `intervalMinutes`, only on `days` (0 = Sunday; empty = every day)
 * and, when a window is set, only between `from` and `to` server time (a window may span midnight).
 */
export const syncScheduleSchema = z.object({
  intervalMinutes: z.number().int().min(1).max(1440).default(15),
  days: z.array(z.number().int().min(0).max(6)).max(7).default([]),
  window: z.object({ from: clockTime, to: clockTime }).nullable().default(null),
});
export type SyncSchedule = z.infer<typeof syncScheduleSchema>;

/** An Entra user or group, with the name it had when chosen (for display; the id is what counts). */
export const directoryObjectRefSchema = z
  .object({
    id: z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, 'an Entra object id'),
    displayName: z.string().trim().max(256).default(''),
  })
  .strict();
export type DirectoryObjectRef = z.infer<typeof directoryObjectRefSchema>;

/**
 * Who may see a data source's contacts in search, lookup, contact pages, counts and status
 * (the incumbents' wizard step 4): everyone in the organisation, members of any of the listed
 * Entra groups (nested membership counts), or the listed users.
 */
export const sourceAccessSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('everyone') }).strict(),
  z.object({ mode: z.literal('groups'), groups: z.array(directoryObjectRefSchema).min(1).max(LIMITS.accessEntriesMax) }).strict(),
  z.object({ mode: z.literal('users'), users: z.array(directoryObjectRefSchema).min(1).max(LIMITS.accessEntriesMax) }).strict(),
]);
export type SourceAccess = z.infer<typeof sourceAccessSchema>;

export const createDataSourceSchema = z.object({
  id: z.string().regex(LIMITS.sourceIdPattern, 'lower-case letters, digits and dashes, 2 to 63 characters'),
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  description: z.string().max(LIMITS.descriptionMaxLength).default(''),
  type: z.enum(DATA_SOURCE_TYPES).default('m365-mail-contacts'),
  priority: z.number().int().min(LIMITS.priorityMin).max(LIMITS.priorityMax).default(100),
  enabled: z.boolean().default(true),
  autoStart: z.boolean().default(true),
  tenantId: z.string().trim().min(1).max(100),
  /** The manual path: an existing app's client id and secret. */
  clientId: z.string().trim().min(1).max(100).optional(),
  clientSecret: z.string().min(1).max(1000).optional(),
  /** Or the app GENERATE APP made (`GeneratedApp.credentialId`); its secret never passed the browser. */
  credentialId: z.string().uuid().optional(),
  schedule: syncScheduleSchema.default({ intervalMinutes: 15, days: [], window: null }),
  dialling: diallingProfileSchema.default({ country: 'DE', areaCode: null, mainNumber: null, extensionLength: null, outsideLinePrefix: null, displayFormat: 'shortest' }),
  /** Caller identification may fall back to a company's main-number entry for an unknown extension. */
  approximation: z.boolean().default(true),
  access: sourceAccessSchema.default({ mode: 'everyone' }),
}).superRefine((source, ctx) => {
  const manual = source.clientId !== undefined && source.clientSecret !== undefined;
  if (manual === (source.credentialId !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['credentialId'], message: 'either credentialId (a generated app) or clientId and clientSecret (an existing app)' });
  }
});
export type CreateDataSource = z.input<typeof createDataSourceSchema>;

/** What an administrator may change after creation; the id is fixed. A new secret replaces the stored one. */
export const updateDataSourceSchema = z
  .object({
    tenantId: z.string().trim().min(1).max(100),
    clientId: z.string().trim().min(1).max(100),
    clientSecret: z.string().min(1).max(1000),
    /** A generated app takes the place of the current one (after REMOVE APP, or to replace a typed-in app). */
    credentialId: z.string().uuid(),
    name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
    description: z.string().max(LIMITS.descriptionMaxLength),
    priority: z.number().int().min(LIMITS.priorityMin).max(LIMITS.priorityMax),
    enabled: z.boolean(),
    autoStart: z.boolean(),
    schedule: syncScheduleSchema,
    dialling: diallingProfileSchema,
    approximation: z.boolean(),
    access: sourceAccessSchema,
  })
  .partial()
  .strict();
export type UpdateDataSource = z.input<typeof updateDataSourceSchema>;

/** A data source as the API shows it: never with its secret, only whether one is stored. */
export interface DataSourceView {
  id: string;
  name: string;
  description: string;
  type: DataSourceType;
  priority: number;
  enabled: boolean;
  autoStart: boolean;
  tenantId: string;
  clientId: string;
  hasSecret: boolean;
  /** Object id of the Entra application when GENERATE APP made it (REMOVE APP deletes it); null for a manually entered app. */
  appObjectId: string | null;
  schedule: SyncSchedule;
  dialling: DiallingProfile;
  approximation: boolean;
  access: SourceAccess;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

/** `throttled`: waiting out a Graph 429 (Retry-After or backoff) before the next request. */
export const SYNC_PHASES = ['idle', 'initial', 'delta', 'throttled', 'error'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** `full`: read everything (first import, or a resync after an expired delta token); `delta`: changes only. */
export type SyncMode = 'full' | 'delta';

/** Why the last round failed, one code a sentence; clients word each themselves. */
export const SYNC_ERROR_CODES = [
  'app_removed',
  'secret_rejected',
  'app_unknown',
  'tenant_not_found',
  'permission_missing',
  'token_rejected',
  'throttled',
  'graph_server_error',
  'network',
  'unexpected',
  'cancelled',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncStatus {
  sourceId: string;
  phase: SyncPhase;
  running: boolean;
  /** Mode of the round running now, or of the last one. */
  mode: SyncMode | null;
  contactCount: number;
  /** Objects read from Graph in the current (or last) round. */
  read: number;
  /** `$count` of the source's contacts when a full import started; null in delta rounds. */
  total: number | null;
  requests: number;
  throttledResponses: number;
  /** Time spent waiting because Graph throttled, in the current (or last) round. */
  throttledWaitMs: number;
  /** While Graph's throttling pauses the tenant: when requests may go again. */
  throttledUntil: string | null;
  /** Objects per second in the current (or last) round. */
  ratePerSecond: number | null;
  /** Estimated seconds to the end of a running full import. */
  etaSeconds: number | null;
  lastStartedAt: string | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  /** A sentence an administrator can act on, in English; null after a successful round. */
  lastError: string | null;
  /** Which sentence `lastError` is; null after a successful round (or for an error recorded before codes existed). */
  lastErrorCode: SyncErrorCode | null;
  /** Graph's HTTP status, which `lastError` names (`graph_server_error`); else null. */
  lastErrorStatus: number | null;
  nextRunAt: string | null;
  hasDeltaLink: boolean;
}
