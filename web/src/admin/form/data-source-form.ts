import type {
  CheckAccessResponse,
  DataSourceView,
  DiallingProfile,
  DirectoryObjectRef,
  GeneratedApp,
  SourceAccess,
} from '../../../../contracts/index.ts';
import { createDataSourceSchema } from '../../../../contracts/index.ts';

/**
 * The app a data source syncs with, as the wizard knows it: none yet (or removed), one GENERATE
 * APP made in this session, an existing app typed in (the manual path), or the one a saved
 * source already has.
 */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'generated'; app: GeneratedApp }
  | { kind: 'stored'; tenantId: string; clientId: string; appObjectId: string | null };

/** What the manual path's fields hold; empty strings until typed. */
export interface ManualCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** Dialling profile fields as typed: empty text is "not set". */
export interface DiallingFields {
  country: string;
  areaCode: string;
  mainNumber: string;
  extensionLength: number | null;
  outsideLinePrefix: string;
  displayFormat: DiallingProfile['displayFormat'];
}

export interface ScheduleFields {
  intervalMinutes: number | null;
  days: number[];
  windowEnabled: boolean;
  from: string;
  to: string;
}

export type AccessMode = SourceAccess['mode'];

/** Everything the seven steps edit, in the shape the inputs need. */
export interface DataSourceForm {
  id: string;
  /** Whether the identifier was typed by hand; until then it follows the name. */
  idEdited: boolean;
  name: string;
  description: string;
  autoStart: boolean;
  schedule: ScheduleFields;
  /** GENERATE APP, or an existing app's details typed in. */
  path: 'generate' | 'manual';
  credentials: Credentials;
  manual: ManualCredentials;
  /** The last CHECK ACCESS answer for the current credentials; cleared when they change. */
  accessCheck: CheckAccessResponse | null;
  dialling: DiallingFields;
  accessMode: AccessMode;
  groups: DirectoryObjectRef[];
  users: DirectoryObjectRef[];
  priority: number | null;
  approximation: boolean;
}

const fields = createDataSourceSchema.shape;
/** The schema's defaults, so a new source starts exactly where the API would. */
const defaults = {
  description: fields.description.parse(undefined),
  autoStart: fields.autoStart.parse(undefined),
  schedule: fields.schedule.parse(undefined),
  dialling: fields.dialling.parse(undefined),
  priority: fields.priority.parse(undefined),
  approximation: fields.approximation.parse(undefined),
};

function diallingFields(profile: DiallingProfile): DiallingFields {
  return {
    country: profile.country,
    areaCode: profile.areaCode ?? '',
    mainNumber: profile.mainNumber ?? '',
    extensionLength: profile.extensionLength,
    outsideLinePrefix: profile.outsideLinePrefix ?? '',
    displayFormat: profile.displayFormat,
  };
}

function scheduleFields(schedule: DataSourceView['schedule']): ScheduleFields {
  return {
    intervalMinutes: schedule.intervalMinutes,
    days: [...schedule.days],
    windowEnabled: schedule.window !== null,
    from: schedule.window?.from ?? '07:00',
    to: schedule.window?.to ?? '19:00',
  };
}

const emptyManual: ManualCredentials = { tenantId: '', clientId: '', clientSecret: '' };

export function newSourceForm(): DataSourceForm {
  return {
    id: '',
    idEdited: false,
    name: '',
    description: defaults.description,
    autoStart: defaults.autoStart,
    schedule: scheduleFields(defaults.schedule),
    path: 'generate',
    credentials: { kind: 'none' },
    manual: emptyManual,
    accessCheck: null,
    dialling: diallingFields(defaults.dialling),
    accessMode: 'everyone',
    groups: [],
    users: [],
    priority: defaults.priority,
    approximation: defaults.approximation,
  };
}

export function storedCredentials(source: DataSourceView): Credentials {
  return source.hasSecret
    ? { kind: 'stored', tenantId: source.tenantId, clientId: source.clientId, appObjectId: source.appObjectId }
    : { kind: 'none' };
}

export function editSourceForm(source: DataSourceView): DataSourceForm {
  return {
    id: source.id,
    idEdited: true,
    name: source.name,
    description: source.description,
    autoStart: source.autoStart,
    schedule: scheduleFields(source.schedule),
    // A manually entered app is changed on the manual path; a generated one is managed as a whole.
    path: source.hasSecret && source.appObjectId === null ? 'manual' : 'generate',
    credentials: storedCredentials(source),
    manual: { tenantId: source.tenantId, clientId: source.clientId, clientSecret: '' },
    accessCheck: null,
    dialling: diallingFields(source.dialling),
    accessMode: source.access.mode,
    groups: source.access.mode === 'groups' ? source.access.groups : [],
    users: source.access.mode === 'users' ? source.access.users : [],
    priority: source.priority,
    approximation: source.approximation,
  };
}

/** "Contoso Mail Contacts" → "contoso-mail-contacts": a first identifier while the admin types a name. */
export function identifierFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
