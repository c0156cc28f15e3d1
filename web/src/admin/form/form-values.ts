import type { DiallingProfileInput, SourceAccess, SyncSchedule } from '../../../../contracts/index.ts';
import type { DataSourceForm, DiallingFields, ScheduleFields } from './data-source-form.ts';

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The dialling profile as the API takes it; empty fields are "not set". */
export function diallingProfile(fields: DiallingFields): DiallingProfileInput {
  return {
    country: fields.country,
    areaCode: orNull(fields.areaCode),
    mainNumber: orNull(fields.mainNumber),
    extensionLength: fields.extensionLength,
    outsideLinePrefix: orNull(fields.outsideLinePrefix),
    displayFormat: fields.displayFormat,
  };
}

/** An empty interval is not a number, so the schema refuses it instead of filling in its default. */
export function syncSchedule(fields: ScheduleFields): SyncSchedule {
  return {
    intervalMinutes: fields.intervalMinutes ?? Number.NaN,
    days: [...fields.days].sort((a, b) => a - b),
    window: fields.windowEnabled ? { from: fields.from, to: fields.to } : null,
  };
}

export function sourceAccess(form: Pick<DataSourceForm, 'accessMode' | 'groups' | 'users'>): SourceAccess {
  switch (form.accessMode) {
    case 'everyone':
      return { mode: 'everyone' };
    case 'groups':
      return { mode: 'groups', groups: form.groups };
    case 'users':
      return { mode: 'users', users: form.users };
  }
}
