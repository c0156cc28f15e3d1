import type { z } from 'zod';
import {
  createDataSourceSchema,
  diallingProfileSchema,
  sourceAccessSchema,
  syncScheduleSchema,
  type DataSourceView,
} from '../../../../contracts/index.ts';
import type { DataSourceForm } from './data-source-form.ts';
import { diallingProfile, sourceAccess, syncSchedule } from './form-values.ts';
import type { WizardStep } from './wizard-steps.ts';

export type FieldName =
  | 'id'
  | 'name'
  | 'description'
  | 'intervalMinutes'
  | 'window'
  | 'credentials'
  | 'tenantId'
  | 'clientId'
  | 'clientSecret'
  | 'country'
  | 'areaCode'
  | 'mainNumber'
  | 'extensionLength'
  | 'outsideLinePrefix'
  | 'groups'
  | 'users'
  | 'priority';

/**
 * A field's problem, named by its message in the `wizard:validation` texts: mostly the field's own
 * name, and a few problems with a message of their own.
 */
export type ValidationMessage = Exclude<FieldName, 'credentials'> | 'idTaken' | 'generate' | 'clientSecretForNewApp';

export type FieldErrors = Partial<Record<FieldName, ValidationMessage>>;

export interface ValidationContext {
  /** The saved source being edited; null while creating. */
  source: DataSourceView | null;
  /** Identifiers other data sources have. */
  takenIds: readonly string[];
}

const fields = createDataSourceSchema.shape;
const valid = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;

/** The first segment of each issue's path, where that names one of our fields. */
function issueFields<K extends string>(schema: z.ZodType, value: unknown, known: readonly K[]): K[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const head = issue.path[0];
    return known.filter((name) => name === head);
  });
}

function basics(form: DataSourceForm, context: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  if (context.source === null) {
    if (!valid(fields.id, form.id)) errors.id = 'id';
    else if (context.takenIds.includes(form.id)) errors.id = 'idTaken';
  }
  if (!valid(fields.name, form.name)) errors.name = 'name';
  if (!valid(fields.description, form.description)) errors.description = 'description';
  for (const field of issueFields(syncScheduleSchema, syncSchedule(form.schedule), ['intervalMinutes', 'window'] as const)) {
    errors[field] = field;
  }
  return errors;
}

function microsoft365(form: DataSourceForm, context: ValidationContext): FieldErrors {
  if (form.path === 'generate') {
    // A saved source may stay without an app (after REMOVE APP); the step says what that means.
    const missing = form.credentials.kind === 'none' && context.source === null;
    return missing ? { credentials: 'generate' } : {};
  }
  const errors: FieldErrors = {};
  const { tenantId, clientId, clientSecret } = form.manual;
  if (!valid(fields.tenantId, tenantId)) errors.tenantId = 'tenantId';
  if (!valid(fields.clientId, clientId)) errors.clientId = 'clientId';
  const stored = context.source;
  const sameApp = stored !== null && stored.hasSecret && stored.tenantId === tenantId.trim() && stored.clientId === clientId.trim();
  // Editing, an empty secret keeps the stored one, unless the app is another one.
  if (clientSecret === '' && stored !== null && !sameApp) errors.clientSecret = 'clientSecretForNewApp';
  else if (!(clientSecret === '' && sameApp) && !valid(fields.clientSecret, clientSecret)) errors.clientSecret = 'clientSecret';
  return errors;
}

const DIALLING_FIELDS = ['country', 'areaCode', 'mainNumber', 'extensionLength', 'outsideLinePrefix'] as const;

function dialling(form: DataSourceForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of issueFields(diallingProfileSchema, diallingProfile(form.dialling), DIALLING_FIELDS)) errors[field] = field;
  return errors;
}

function access(form: DataSourceForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of issueFields(sourceAccessSchema, sourceAccess(form), ['groups', 'users'] as const)) errors[field] = field;
  return errors;
}

function priority(form: DataSourceForm): FieldErrors {
  return valid(fields.priority, form.priority ?? Number.NaN) ? {} : { priority: 'priority' };
}

/** What is wrong on one step, checked with the contract's schemas so the API agrees. */
export function validateStep(step: WizardStep, form: DataSourceForm, context: ValidationContext): FieldErrors {
  switch (step) {
    case 'basics':
      return basics(form, context);
    case 'microsoft365':
      return microsoft365(form, context);
    case 'dialling':
      return dialling(form);
    case 'access':
      return access(form);
    case 'priority':
      return priority(form);
    case 'approximation':
    case 'overview':
      return {};
  }
}

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;
