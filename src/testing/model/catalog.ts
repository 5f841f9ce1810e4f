import { EmulatorHttpError } from '../errors.js';

/** How an element is connected: an OAuth 2 code exchange, or configuration values only (Marketo). */
export type ProvisionKind = 'oauth2' | 'configuration';

/** A hub resource the emulator serves: the id prefix of its records and the fields a create needs. */
export interface HubResource {
  idPrefix: string;
  /** Fields the simulated provider requires on create (matched case-insensitively). */
  requiredOnCreate: string[];
}

/** One element of the emulator's catalog. */
export interface CatalogElement {
  /** The element's id (`GET /elements/{keyOrId}`). */
  id: number;
  /** The element's key, e.g. `sfdc`. */
  key: string;
  /** The element's name, e.g. `Salesforce Sales Cloud`. */
  name: string;
  /** The hub the element belongs to, e.g. `crm`. */
  hub: string;
  /** Name of the provider shown on the consent page. */
  provider: string;
  /** How an instance of the element is connected (OAuth, or configuration only). */
  provision: ProvisionKind;
  /** Configuration keys `POST /instances` must carry. */
  requiredConfiguration: string[];
  /** The element's description. */
  description: string;
}

const oauthKeys = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'];

/**
 * The six seed elements (reference §16), and QuickBooks Online for the finance hub (key, id, name and OAuth 2
 * configuration from Cloud Elements' QuickBooks Online authenticate page; reference §7 and §8.2).
 */
export const ELEMENTS: readonly CatalogElement[] = [
  {
    id: 23,
    key: 'sfdc',
    name: 'Salesforce Sales Cloud',
    hub: 'crm',
    provider: 'Salesforce',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Accounts, contacts, leads and opportunities in Salesforce.',
  },
  {
    id: 177,
    key: 'sfdcdocuments',
    name: 'Salesforce Files',
    hub: 'documents',
    provider: 'Salesforce',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Files and folders in Salesforce Files.',
  },
  {
    id: 29,
    key: 'sfdcservicecloud',
    name: 'Salesforce Service Cloud',
    hub: 'helpdesk',
    provider: 'Salesforce',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Incidents and contacts in Service Cloud.',
  },
  {
    id: 1357,
    key: 'sfdcmarketingcloud',
    name: 'Salesforce Marketing Cloud',
    hub: 'marketing',
    provider: 'Salesforce Marketing Cloud',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Contacts and lists in Salesforce Marketing Cloud.',
  },
  {
    id: 85,
    key: 'marketo',
    name: 'Marketo',
    hub: 'marketing',
    provider: 'Marketo',
    provision: 'configuration',
    requiredConfiguration: ['oauth.api.key', 'oauth.api.secret', 'marketo.identity.url', 'base.url'],
    description: 'Leads (contacts) and lists in Marketo.',
  },
  {
    id: 3129,
    key: 'concur',
    name: 'Concur',
    hub: 'expense',
    provider: 'SAP Concur',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Expense reports in SAP Concur.',
  },
  {
    id: 39,
    key: 'quickbooks',
    name: 'QuickBooks Online',
    hub: 'finance',
    provider: 'Intuit',
    provision: 'oauth2',
    requiredConfiguration: oauthKeys,
    description: 'Customers, invoices, payments and vendors in QuickBooks Online.',
  },
];

/** Resources of each hub that the generic record handlers serve (documents has its own module). */
export const HUB_RESOURCES: Readonly<Record<string, Readonly<Record<string, HubResource>>>> = {
  crm: {
    contacts: { idPrefix: '003', requiredOnCreate: ['lastName'] },
    accounts: { idPrefix: '001', requiredOnCreate: ['name'] },
    leads: { idPrefix: '00Q', requiredOnCreate: ['lastName', 'company'] },
    opportunities: { idPrefix: '006', requiredOnCreate: ['name', 'stageName', 'closeDate'] },
  },
  marketing: {
    contacts: { idPrefix: '', requiredOnCreate: ['email'] },
    lists: { idPrefix: '', requiredOnCreate: ['name'] },
  },
  helpdesk: {
    incidents: { idPrefix: '500', requiredOnCreate: [] },
    contacts: { idPrefix: '003', requiredOnCreate: ['lastName'] },
  },
  expense: {
    reports: { idPrefix: 'gWj', requiredOnCreate: ['Name'] },
  },
  // QuickBooks ids are numbers in strings, as the emulator gives records of a resource without an id prefix.
  finance: {
    customers: { idPrefix: '', requiredOnCreate: [] },
    invoices: { idPrefix: '', requiredOnCreate: [] },
    payments: { idPrefix: '', requiredOnCreate: [] },
    vendors: { idPrefix: '', requiredOnCreate: [] },
  },
  documents: {},
};

/** The hubs of the catalog. */
export const HUBS = [
  { id: 11, key: 'crm', name: 'CRM', description: 'CRM Element Hub' },
  { id: 4, key: 'documents', name: 'Documents', description: 'Cloud storage: files and folders' },
  { id: 12, key: 'marketing', name: 'Marketing', description: 'Marketing Element Hub' },
  { id: 14, key: 'helpdesk', name: 'Help Desk', description: 'Help Desk Services' },
  { id: 16, key: 'expense', name: 'Expense', description: 'Expense reports and expenses' },
  { id: 17, key: 'finance', name: 'Finance', description: 'Finance Element Hub' },
];

/** Finds an element by key or numeric id. */
export function findElement(keyOrId: string): CatalogElement | undefined {
  return ELEMENTS.find((element) => element.key === keyOrId || String(element.id) === keyOrId);
}

/**
 * Elements that connect through one provider app and so share its authorization codes. One Salesforce connected
 * app serves the Salesforce family: seed 003 asks `GET /elements/sfdc/oauth/url` with `state=sfdcdocuments` (and
 * `state=sfdcmarketingcloud`) and creates the `sfdcdocuments` (`sfdcmarketingcloud`) instance with the code, and
 * asks `/elements/sfdcdocuments/oauth/url` with `state=sfdc` for an `sfdc` instance.
 */
const OAUTH_APPS: Readonly<Record<string, string>> = {
  sfdc: 'salesforce',
  sfdcdocuments: 'salesforce',
  sfdcservicecloud: 'salesforce',
  sfdcmarketingcloud: 'salesforce',
};

/** The provider app an element connects through: the family's name, else the element's own key. */
export function oauthAppOf(elementKey: string): string {
  return OAUTH_APPS[elementKey] ?? elementKey;
}

/** Finds an element by key or id, answering 404 when there is none. */
export function requireElement(keyOrId: string): CatalogElement {
  const element = findElement(keyOrId);
  if (!element) throw new EmulatorHttpError(404, `No element found with key or ID ${keyOrId}`);
  return element;
}

/** Finds a hub by key, answering 404 when there is none. */
export function requireHub(key: string): (typeof HUBS)[number] {
  const hub = HUBS.find((candidate) => candidate.key === key);
  if (!hub) throw new EmulatorHttpError(404, `No hub found with key ${key}`);
  return hub;
}
