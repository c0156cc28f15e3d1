import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const DATA_SOURCE_TYPES = ['m365-mail-contacts'] as const;
export type DataSourceType = (typeof DATA_SOURCE_TYPES)[number];

/** Where a data source's dialling context comes from; issue #4 grows this into full profiles. */
export const diallingProfileSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
});
export type DiallingProfile = z.infer<typeof diallingProfileSchema>;

export const createDataSourceSchema = z.object({
  id: z.string().regex(LIMITS.sourceIdPattern, 'lower-case letters, digits and dashes, 2 to 63 characters'),
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  description: z.string().max(LIMITS.descriptionMaxLength).default(''),
  type: z.enum(DATA_SOURCE_TYPES).default('m365-mail-contacts'),
  priority: z.number().int().min(LIMITS.priorityMin).max(LIMITS.priorityMax).default(100),
  enabled: z.boolean().default(true),
  autoStart: z.boolean().default(true),
  tenantId: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(100),
  clientSecret: z.string().min(1).max(1000),
  syncIntervalMinutes: z.number().int().min(1).max(1440).default(15),
  dialling: diallingProfileSchema.default({ country: 'DE' }),
});
export type CreateDataSource = z.input<typeof createDataSourceSchema>;

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
  syncIntervalMinutes: number;
  dialling: DiallingProfile;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

export const SYNC_PHASES = ['idle', 'initial', 'delta', 'throttled', 'error'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export interface SyncStatus {
  sourceId: string;
  phase: SyncPhase;
  running: boolean;
  contactCount: number;
  /** Objects read from Graph in the current (or last) round. */
  read: number;
  /** `$count` of the source's contacts, when known. */
  total: number | null;
  requests: number;
  throttledResponses: number;
  lastStartedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextRunAt: string | null;
  hasDeltaLink: boolean;
}
