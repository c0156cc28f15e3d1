import type { ParseKeys, TFunction } from 'i18next';

type WizardKey = ParseKeys<'wizard'>;

/**
 * The label the wizard shows each field under, by the field's path in an administrative request
 * body (data sources, the app steps and the phone preview share these names). A validation problem
 * names fields by path; the administrator knows them by these labels.
 */
const LABELS: Readonly<Record<string, WizardKey>> = {
  id: 'basics.id',
  name: 'basics.name',
  description: 'basics.description',
  autoStart: 'basics.autoStart',
  schedule: 'basics.schedule',
  'schedule.intervalMinutes': 'basics.interval',
  'schedule.days': 'basics.days',
  'schedule.window': 'basics.window',
  'schedule.window.from': 'basics.from',
  'schedule.window.to': 'basics.to',
  tenantId: 'app.tenantId',
  clientId: 'app.clientId',
  clientSecret: 'app.clientSecret',
  credentialId: 'app.pathLabel',
  dialling: 'title.dialling',
  'dialling.country': 'dialling.country',
  'dialling.areaCode': 'dialling.areaCode',
  'dialling.mainNumber': 'dialling.mainNumber',
  'dialling.extensionLength': 'dialling.extensionLength',
  'dialling.outsideLinePrefix': 'dialling.outsideLinePrefix',
  'dialling.displayFormat': 'dialling.displayFormat',
  number: 'dialling.previewInput',
  access: 'access.mode',
  'access.groups': 'access.groupPicker',
  'access.users': 'access.userPicker',
  priority: 'priority.label',
  approximation: 'approximation.label',
};

/**
 * A refused field's label in the page's language: the path's longest labelled head
 * (`access.groups.3.id` is the group picker), else the path itself.
 */
export function fieldLabel(t: TFunction<'wizard'>, path: string): string {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length--) {
    const key = LABELS[segments.slice(0, length).join('.')];
    if (key !== undefined) return t(key);
  }
  return path;
}
