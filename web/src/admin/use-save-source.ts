import { useState } from 'react';
import type { DataSourceView } from '../../../contracts/index.ts';
import { useSession } from '../hooks/use-session.ts';
import type { DataSourceForm } from './form/data-source-form.ts';
import { createRequest, updateRequest } from './form/save-request.ts';

/** Saves the form: creates the source (it takes the generated app) or patches the saved one. */
export function useSaveSource(source: DataSourceView | null, onSaved: (saved: DataSourceView) => void) {
  const { api } = useSession();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = (form: DataSourceForm): void => {
    setSaving(true);
    setError(null);
    const request = source === null ? api.createDataSource(createRequest(form)) : api.updateDataSource(source.id, updateRequest(form));
    request.then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (cause: unknown) => {
        setSaving(false);
        setError(cause);
      },
    );
  };

  return { save, saving, error };
}
