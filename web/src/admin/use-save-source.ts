import { useState } from 'react';
import { APP_MANAGEMENT_SCOPES, type DataSourceView, type ReplacedApp } from '../../../contracts/index.ts';
import { useSession } from '../hooks/use-session.ts';
import type { DataSourceForm } from './form/data-source-form.ts';
import { createRequest, replacement, updateRequest } from './form/save-request.ts';

/** A saved source, and what became of the app a newly generated one replaced (null: none was deleted or kept). */
export interface SaveResult {
  source: DataSourceView;
  replaced: ReplacedApp | null;
}

/**
 * Saves the form: creates the source (it takes the generated app) or patches the saved one. An app
 * generated while editing then takes the source's place of its current one, with the administrator's
 * Graph token (the one GENERATE APP just used, from the cache), so that the API deletes the old app
 * in Entra. Settings go first: a refused setting changes nothing, not even the app.
 */
export function useSaveSource(source: DataSourceView | null, onSaved: (result: SaveResult) => void) {
  const { api, graphToken } = useSession();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const persist = async (form: DataSourceForm): Promise<SaveResult> => {
    if (source === null) return { source: await api.createDataSource(createRequest(form)), replaced: null };
    const saved = await api.updateDataSource(source.id, updateRequest(form));
    const credentialId = replacement(form);
    if (credentialId === null) return { source: saved, replaced: null };
    const token = await graphToken(APP_MANAGEMENT_SCOPES);
    return api.replaceSourceApp(source.id, { credentialId, graphToken: token.accessToken });
  };

  const save = (form: DataSourceForm): void => {
    setSaving(true);
    setError(null);
    persist(form).then(
      (result) => {
        setSaving(false);
        onSaved(result);
      },
      (cause: unknown) => {
        setSaving(false);
        setError(cause);
      },
    );
  };

  return { save, saving, error };
}
