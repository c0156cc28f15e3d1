import type { CheckAccessResponse, DirectoryObjectRef } from '../../../../contracts/index.ts';
import {
  identifierFromName,
  type AccessMode,
  type Credentials,
  type DataSourceForm,
  type DiallingFields,
  type ManualCredentials,
  type ScheduleFields,
} from './data-source-form.ts';

export type FormAction =
  | { type: 'basics'; patch: Partial<Pick<DataSourceForm, 'name' | 'description' | 'autoStart'>> }
  | { type: 'id'; id: string }
  | { type: 'schedule'; patch: Partial<ScheduleFields> }
  | { type: 'path'; path: DataSourceForm['path'] }
  | { type: 'credentials'; credentials: Credentials }
  | { type: 'manual'; patch: Partial<ManualCredentials> }
  | { type: 'accessCheck'; result: CheckAccessResponse | null }
  | { type: 'dialling'; patch: Partial<DiallingFields> }
  | { type: 'accessMode'; mode: AccessMode }
  | { type: 'principals'; kind: 'groups' | 'users'; list: DirectoryObjectRef[] }
  | { type: 'priority'; priority: number | null }
  | { type: 'approximation'; on: boolean };

/** One place where edits meet the rules that tie fields together. */
export function formReducer(form: DataSourceForm, action: FormAction): DataSourceForm {
  switch (action.type) {
    case 'basics': {
      const next = { ...form, ...action.patch };
      // Until typed by hand, the identifier follows the name.
      return action.patch.name !== undefined && !form.idEdited ? { ...next, id: identifierFromName(action.patch.name) } : next;
    }
    case 'id':
      return { ...form, id: action.id, idEdited: true };
    case 'schedule':
      return { ...form, schedule: { ...form.schedule, ...action.patch } };
    // A check answers for the credentials it tried: any change to them makes it stale.
    case 'path':
      return { ...form, path: action.path, accessCheck: null };
    case 'credentials':
      return { ...form, credentials: action.credentials, accessCheck: null };
    case 'manual':
      return { ...form, manual: { ...form.manual, ...action.patch }, accessCheck: null };
    case 'accessCheck':
      return { ...form, accessCheck: action.result };
    case 'dialling':
      return { ...form, dialling: { ...form.dialling, ...action.patch } };
    case 'accessMode':
      return { ...form, accessMode: action.mode };
    case 'principals':
      return { ...form, [action.kind]: action.list };
    case 'priority':
      return { ...form, priority: action.priority };
    case 'approximation':
      return { ...form, approximation: action.on };
  }
}
