// The orgContact resource exactly as Graph v1.0 serialises it. Every string may be null,
// and Graph returns the properties in this order, so builders keep it.

export type PhoneType = 'business' | 'mobile' | 'businessFax';

export interface Phone {
  number: string | null;
  type: PhoneType;
}

export interface PhysicalOfficeAddress {
  city: string | null;
  countryOrRegion: string | null;
  officeLocation: string | null;
  postalCode: string | null;
  state: string | null;
  street: string | null;
}

export interface OnPremisesProvisioningError {
  category: string | null;
  occurredDateTime: string | null;
  propertyCausingError: string | null;
  value: string | null;
}

export interface ServiceProvisioningError {
  createdDateTime: string | null;
  isResolved: boolean | null;
  serviceInstance: string | null;
}

export interface OrgContact {
  id: string;
  deletedDateTime: string | null;
  companyName: string | null;
  department: string | null;
  displayName: string | null;
  givenName: string | null;
  jobTitle: string | null;
  mail: string | null;
  mailNickname: string | null;
  onPremisesLastSyncDateTime: string | null;
  onPremisesSyncEnabled: boolean | null;
  surname: string | null;
  addresses: PhysicalOfficeAddress[];
  onPremisesProvisioningErrors: OnPremisesProvisioningError[];
  phones: Phone[];
  proxyAddresses: string[];
  serviceProvisioningErrors: ServiceProvisioningError[];
  imAddresses: string[];
}

export const ORG_CONTACT_PROPERTIES = [
  'id',
  'deletedDateTime',
  'companyName',
  'department',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'onPremisesLastSyncDateTime',
  'onPremisesSyncEnabled',
  'surname',
  'addresses',
  'onPremisesProvisioningErrors',
  'phones',
  'proxyAddresses',
  'serviceProvisioningErrors',
  'imAddresses',
] as const satisfies readonly (keyof OrgContact)[];

export type OrgContactProperty = (typeof ORG_CONTACT_PROPERTIES)[number];

export const PHONE_TYPES: readonly PhoneType[] = ['business', 'mobile', 'businessFax'];

const STRING = 'string' as const;

/** The orgContact type as $select and $filter see it. */
export const ORG_CONTACT_TYPE = {
  name: 'microsoft.graph.orgContact',
  resource: 'OrgContact',
  properties: ORG_CONTACT_PROPERTIES,
  filterable: { id: STRING, companyName: STRING, department: STRING, displayName: STRING, givenName: STRING, jobTitle: STRING, mail: STRING, mailNickname: STRING, surname: STRING },
};

export const ORG_CONTACT_ODATA_TYPE = '#microsoft.graph.orgContact';

export function emptyAddress(): PhysicalOfficeAddress {
  return { city: null, countryOrRegion: null, officeLocation: null, postalCode: null, state: null, street: null };
}

export function emptyPhones(): Phone[] {
  return PHONE_TYPES.map((type) => ({ number: null, type }));
}

export function emptyOrgContact(id: string): OrgContact {
  return {
    id,
    deletedDateTime: null,
    companyName: null,
    department: null,
    displayName: null,
    givenName: null,
    jobTitle: null,
    mail: null,
    mailNickname: null,
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    surname: null,
    addresses: [emptyAddress()],
    onPremisesProvisioningErrors: [],
    phones: emptyPhones(),
    proxyAddresses: [],
    serviceProvisioningErrors: [],
    imAddresses: [],
  };
}

/** Projects a contact onto the selected properties; id is always kept. */
export function selectProperties(
  contact: OrgContact,
  select: readonly OrgContactProperty[] | undefined,
): Partial<OrgContact> {
  if (!select || select.length === 0) return contact;
  const out: Record<string, unknown> = { id: contact.id };
  for (const p of select) out[p] = contact[p];
  return out as Partial<OrgContact>;
}
