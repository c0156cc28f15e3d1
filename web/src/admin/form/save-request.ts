import type { CreateDataSource, UpdateDataSource } from '../../../../contracts/index.ts';
import type { DataSourceForm } from './data-source-form.ts';
import { diallingProfile, sourceAccess, syncSchedule } from './form-values.ts';
import type { WizardStep } from './wizard-steps.ts';

function settings(form: DataSourceForm) {
  return {
    name: form.name.trim(),
    description: form.description,
    autoStart: form.autoStart,
    schedule: syncSchedule(form.schedule),
    dialling: diallingProfile(form.dialling),
    access: sourceAccess(form),
    priority: form.priority ?? undefined,
    approximation: form.approximation,
  };
}

/** `POST /api/datasources` for a valid form: the generated app by its credential id, or the typed one. */
export function createRequest(form: DataSourceForm): CreateDataSource {
  const base = { id: form.id, type: 'm365-mail-contacts' as const, ...settings(form) };
  if (form.path === 'generate' && form.credentials.kind === 'generated') {
    const { app } = form.credentials;
    return { ...base, tenantId: app.tenantId, credentialId: app.credentialId };
  }
  const { tenantId, clientId, clientSecret } = form.manual;
  return { ...base, tenantId: tenantId.trim(), clientId: clientId.trim(), clientSecret };
}

/**
 * `PATCH /api/datasources/{id}`: every setting, and typed credentials when a secret was entered.
 * A generated app takes over separately (`replacement`), so that the one it replaces is deleted.
 */
export function updateRequest(form: DataSourceForm): UpdateDataSource {
  const { tenantId, clientId, clientSecret } = form.manual;
  const typed = form.path === 'manual' && clientSecret !== '' ? { tenantId: tenantId.trim(), clientId: clientId.trim(), clientSecret } : {};
  return { ...settings(form), ...typed };
}

/** The credential id of an app generated while editing, which is to take the saved source's place of its current one; else null. */
export function replacement(form: DataSourceForm): string | null {
  return form.path === 'generate' && form.credentials.kind === 'generated' ? form.credentials.app.credentialId : null;
}

/** Where a field the API refused lives in the wizard (`errors[].path` of a validation problem). */
export function stepOfPath(path: string): WizardStep {
  const head = path.split(/[.[]/)[0] ?? '';
  if (['id', 'name', 'description', 'autoStart', 'schedule'].includes(head)) return 'basics';
  if (['tenantId', 'clientId', 'clientSecret', 'credentialId'].includes(head)) return 'microsoft365';
  if (head === 'dialling') return 'dialling';
  if (head === 'access') return 'access';
  if (head === 'priority') return 'priority';
  if (head === 'approximation') return 'approximation';
  return 'overview';
}
