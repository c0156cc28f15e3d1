import type { CheckAccessRequest, DataSourceView } from '../../../../contracts/index.ts';
import type { DataSourceForm } from './data-source-form.ts';

/**
 * What CHECK ACCESS should try for the credentials on screen: the generated app, the saved
 * source's app, or the typed one; null while the typed one lacks what a check needs.
 */
export function checkRequest(form: DataSourceForm, source: DataSourceView | null): CheckAccessRequest | null {
  if (form.path === 'generate') {
    if (form.credentials.kind === 'generated') return { credentialId: form.credentials.app.credentialId };
    return form.credentials.kind === 'stored' && source !== null ? { sourceId: source.id } : null;
  }
  const tenantId = form.manual.tenantId.trim();
  const clientId = form.manual.clientId.trim();
  if (tenantId === '' || clientId === '') return null;
  if (form.manual.clientSecret !== '') return { tenantId, clientId, clientSecret: form.manual.clientSecret };
  const unchanged = source !== null && source.hasSecret && source.tenantId === tenantId && source.clientId === clientId;
  return unchanged ? { sourceId: source.id } : null;
}
