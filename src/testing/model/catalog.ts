import { EmulatorHttpError, type Reply } from './http.js';
import type { Route } from './server.js';

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
  id: number;
  key: string;
  name: string;
  hub: string;
  /** Name of the provider shown on the consent page. */
  provider: string;
  provision: ProvisionKind;
  /** Configuration keys `POST /instances` must carry. */
  requiredConfiguration: string[];
  description: string;
}

const oauthKeys = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'];

/** The six seed elements (reference §16). */
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
  documents: {},
};

const HUBS = [
  { id: 11, key: 'crm', name: 'CRM', description: 'CRM Element Hub' },
  { id: 4, key: 'documents', name: 'Documents', description: 'Cloud storage: files and folders' },
  { id: 12, key: 'marketing', name: 'Marketing', description: 'Marketing Element Hub' },
  { id: 14, key: 'helpdesk', name: 'Help Desk', description: 'Help Desk Services' },
  { id: 16, key: 'expense', name: 'Expense', description: 'Expense reports and expenses' },
];

/** Finds an element by key or numeric id. */
export function findElement(keyOrId: string): CatalogElement | undefined {
  return ELEMENTS.find((element) => element.key === keyOrId || String(element.id) === keyOrId);
}

/** Finds an element by key or id, answering 404 when there is none. */
export function requireElement(keyOrId: string): CatalogElement {
  const element = findElement(keyOrId);
  if (!element) throw new EmulatorHttpError(404, `No element found with key or ID ${keyOrId}`);
  return element;
}

/** The element as the API returns it (`GET /elements/{keyOrId}`, and inside instances). */
export function elementJson(element: CatalogElement): Record<string, unknown> {
  return {
    id: element.id,
    name: element.name,
    key: element.key,
    description: element.description,
    image: `elements/provider_${element.key}.png`,
    active: true,
    deleted: false,
    typeOauth: element.provision === 'oauth2',
    trialAccount: false,
    configDescription: `Connect your ${element.provider} account.`,
    resources: [],
    transformationsEnabled: true,
    bulkDownloadEnabled: true,
    bulkUploadEnabled: true,
    cloneable: true,
    extendable: true,
    beta: false,
    authentication: { type: 'oauth2' },
    extended: false,
    hub: element.hub,
    protocolType: 'http',
    parameters: [],
    private: false,
  };
}

function requireHub(key: string): (typeof HUBS)[number] {
  const hub = HUBS.find((candidate) => candidate.key === key);
  if (!hub) throw new EmulatorHttpError(404, `No hub found with key ${key}`);
  return hub;
}

/** Routes of the elements and hubs catalogs. */
export function catalogRoutes(): Route[] {
  const json = (value: unknown): Reply => ({ json: value });
  return [
    { method: 'GET', path: '/elements', auth: 'platform', handle: () => json(ELEMENTS.map(elementJson)) },
    {
      method: 'GET',
      path: '/elements/keys',
      auth: 'platform',
      handle: () => json(ELEMENTS.map((e) => e.key)),
    },
    {
      method: 'GET',
      path: '/elements/{keyOrId}',
      auth: 'platform',
      handle: (ctx) => json(elementJson(requireElement(ctx.params.keyOrId ?? ''))),
    },
    { method: 'GET', path: '/hubs', auth: 'platform', handle: () => json(HUBS) },
    { method: 'GET', path: '/hubs/keys', auth: 'platform', handle: () => json(HUBS.map((hub) => hub.key)) },
    {
      method: 'GET',
      path: '/hubs/{key}',
      auth: 'platform',
      handle: (ctx) => json({ ...requireHub(ctx.params.key ?? ''), active: true }),
    },
    {
      method: 'GET',
      path: '/hubs/{key}/elements',
      auth: 'platform',
      handle: (ctx) => {
        const hub = requireHub(ctx.params.key ?? '');
        return json(ELEMENTS.filter((element) => element.hub === hub.key).map(elementJson));
      },
    },
  ];
}
