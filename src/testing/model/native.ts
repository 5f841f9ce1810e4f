/**
 * How elements name the fields of their records at the provider, where the spec documents them: Salesforce
 * answers `Id`, `CreatedDate` (`2018-06-12T15:04:11.000+0000`), `attributes` and PascalCase fields (`LastName`);
 * Concur `ID` and `URI`; Marketo `createdAt`/`updatedAt`. The emulator adds these names to the fields a record was
 * written with (so code that reads either name works), and only those the answer's schema declares, with a value
 * it accepts.
 */
export interface NativeNames {
  /** The provider's name of the record id. */
  id?: string | undefined;
  /** The provider's names of the creation and last-change dates. */
  created?: string | undefined;
  modified?: string | undefined;
  /** How the provider writes dates. @default ISO 8601 as the emulator stores them */
  dates?: 'salesforce' | undefined;
  /** Written lower-camel fields are answered under their PascalCase name too (`lastName` → `LastName`). */
  pascalCase?: boolean | undefined;
  /** The Salesforce sObject of each resource, for `attributes` (`{ type: 'Contact', url }`). */
  sobjects?: Record<string, string> | undefined;
  /** The provider's URL of a record. */
  uri?: ((resource: string, id: string) => string) | undefined;
}

const salesforce: NativeNames = {
  id: 'Id',
  created: 'CreatedDate',
  modified: 'LastModifiedDate',
  dates: 'salesforce',
  pascalCase: true,
  sobjects: {
    contacts: 'Contact',
    accounts: 'Account',
    leads: 'Lead',
    opportunities: 'Opportunity',
    incidents: 'Case',
    activities: 'Event',
    tasks: 'Task',
    notes: 'Note',
    campaigns: 'Campaign',
    users: 'User',
  },
};

/** Native names of the catalog's elements, by element key. */
export const NATIVE_NAMES: Readonly<Record<string, NativeNames>> = {
  sfdc: salesforce,
  sfdcservicecloud: salesforce,
  concur: {
    id: 'ID',
    created: 'CreateDate',
    modified: 'LastModifiedDate',
    uri: (resource, id) => `https://www.concursolutions.com/api/v3.0/expense/${resource}/${id}`,
  },
  marketo: { created: 'createdAt', modified: 'updatedAt' },
};

/** `2018-06-12T15:04:11Z` as Salesforce writes it: `2018-06-12T15:04:11.000+0000`. */
function salesforceDate(iso: string): string {
  return iso.replace(/(\.\d{3})?Z$/, (_match, millis: string | undefined) => `${millis ?? '.000'}+0000`);
}

/**
 * The fields a record lacks under its provider's names: its id and dates, and written fields under their provider
 * names. `accepts` tells whether the answer's schema declares a field and accepts a value for it; only those go in.
 */
export function nativeFields(
  elementKey: string,
  resource: string,
  record: Readonly<Record<string, unknown>> & { id: string },
  accepts: (field: string, value: unknown) => boolean,
): Record<string, unknown> {
  const names = NATIVE_NAMES[elementKey];
  if (!names) return {};
  const out: Record<string, unknown> = {};
  const add = (name: string | undefined, value: unknown) => {
    if (name === undefined || value === undefined || name in record || !accepts(name, value)) return;
    out[name] = value;
  };
  const date = (value: unknown) =>
    typeof value === 'string' && names.dates === 'salesforce' ? salesforceDate(value) : value;
  add(names.id, record.id);
  add(names.created, date(record.createdDate));
  add(names.modified, date(record.lastModifiedDate));
  if (names.uri) add('URI', names.uri(resource, record.id));
  const sobject = names.sobjects?.[resource];
  if (sobject !== undefined)
    add('attributes', { type: sobject, url: `/services/data/v41.0/sobjects/${sobject}/${record.id}` });
  if (names.pascalCase) {
    for (const [field, value] of Object.entries(record)) {
      if (/^[a-z][A-Za-z0-9]*$/.test(field) && !['id', 'createdDate', 'lastModifiedDate'].includes(field))
        add(field.charAt(0).toUpperCase() + field.slice(1), value);
    }
    const first = record.firstName ?? record.FirstName;
    const last = record.lastName ?? record.LastName;
    if (resource !== 'accounts' && resource !== 'opportunities' && typeof last === 'string')
      add('Name', typeof first === 'string' ? `${first} ${last}` : last);
  }
  return out;
}
