import { HUB_RESOURCES, type CatalogElement, type HubResource } from './catalog.js';
import { NATIVE_NAMES } from './native.js';
import type { EmulatorInstance, HubRecord } from './types.js';

/**
 * The Swagger 2.0 documents the emulator serves for its elements (`GET /elements/{keyOrId}/docs`) and instances
 * (`GET /instances/{id}/docs`), shaped like Cloud Elements' own: `basePath` `/elements/api-v2/hubs/<hub>`, paths
 * relative to it, an `Authorization` header parameter on every operation, operationIds such as `getContacts` and
 * `getContactById`, the standard error responses, `x-` extensions (`x-primary-key`, `x-vendor-objectname`,
 * `x-readonly`, `x-nullable`). Standard records list their provider's field names too (`Id`, `LastName`, …), as
 * the emulator answers them.
 *
 * An instance's document adds what Cloud Elements discovers in the user's own account: one custom field on a
 * standard object and one custom object (both stored by the emulator like any other field and resource), plus
 * every field found in the instance's stored records that the definition does not name yet. Discovered parts come
 * with the quirks real instance documents have, so that converters are tested against them: a custom object
 * definition without `type`, a field without `type`, a `$ref` to a definition that does not exist, and a metadata
 * operation that reuses the operationId of the generic one.
 */

/** A Swagger 2.0 document (what `GET /elements/{keyOrId}/docs` answers). */
export type SwaggerDocument = {
  swagger: string;
  info: { title: string; version: string; description?: string };
  host: string;
  basePath: string;
  schemes: string[];
  consumes: string[];
  produces: string[];
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, SwaggerSchema>;
};

/** A Swagger 2.0 schema object. */
export interface SwaggerSchema {
  type?: string | undefined;
  format?: string | undefined;
  description?: string | undefined;
  enum?: string[] | undefined;
  required?: string[] | undefined;
  properties?: Record<string, SwaggerSchema> | undefined;
  items?: SwaggerSchema | undefined;
  $ref?: string | undefined;
  /** `x-` extensions (`x-readonly`, `x-vendor-objectname`, …). */
  [keyword: string]: unknown;
}

/** A Swagger 2.0 operation. */
export interface SwaggerOperation {
  operationId: string;
  summary: string;
  tags: string[];
  consumes?: string[] | undefined;
  produces?: string[] | undefined;
  parameters: Array<Record<string, unknown>>;
  responses: Record<
    string,
    { description: string; schema?: SwaggerSchema; headers?: Record<string, unknown> }
  >;
}

type Field = SwaggerSchema;

const text = (description: string, extra: Field = {}): Field => ({ type: 'string', description, ...extra });
const readOnly = (field: Field): Field => ({ ...field, 'x-readonly': true });
const SERVER_FIELDS: Record<string, Field> = {
  id: readOnly(text('Identifier of the record, as the provider assigns it')),
  createdDate: readOnly(text('When the record was created', { format: 'date-time' })),
  lastModifiedDate: readOnly(text('When the record was last changed', { format: 'date-time' })),
};

/** Fields of the record resources of each hub, besides the server fields. */
const RESOURCE_FIELDS: Record<string, Record<string, Record<string, Field>>> = {
  crm: {
    contacts: {
      firstName: text('First name'),
      lastName: text('Last name; required on create'),
      email: text('Email address', { format: 'email' }),
      phone: text('Phone number'),
      title: text('Job title'),
      accountId: text('Identifier of the account', { 'x-reference-objectname': 'accounts' }),
    },
    accounts: {
      name: text('Account name; required on create'),
      industry: text('Industry'),
      website: text('Website'),
      phone: text('Phone number'),
      numberOfEmployees: { type: 'integer', format: 'int32', description: 'Number of employees' },
      annualRevenue: { type: 'number', format: 'double', description: 'Annual revenue', 'x-nullable': true },
    },
    leads: {
      firstName: text('First name'),
      lastName: text('Last name; required on create'),
      company: text('Company; required on create'),
      email: text('Email address', { format: 'email' }),
      status: text('Lead status', { enum: ['Open', 'Working', 'Qualified', 'Unqualified'] }),
    },
    opportunities: {
      name: text('Opportunity name; required on create'),
      stageName: text('Sales stage; required on create'),
      closeDate: text('Expected close date; required on create', { format: 'date' }),
      amount: { type: 'number', format: 'double', description: 'Amount' },
      probability: { type: 'integer', format: 'int32', description: 'Probability, in percent' },
      accountId: text('Identifier of the account', { 'x-reference-objectname': 'accounts' }),
    },
  },
  marketing: {
    contacts: {
      email: text('Email address; required on create', { format: 'email' }),
      firstName: text('First name'),
      lastName: text('Last name'),
    },
    lists: {
      name: text('List name; required on create'),
      description: text('What the list is for'),
    },
  },
  helpdesk: {
    incidents: {
      subject: text('Subject'),
      description: text('What happened'),
      status: text('Status', { enum: ['New', 'Working', 'Escalated', 'Closed'] }),
      priority: text('Priority', { enum: ['Low', 'Medium', 'High'] }),
      contactId: text('Identifier of the contact', { 'x-reference-objectname': 'contacts' }),
    },
    contacts: {
      firstName: text('First name'),
      lastName: text('Last name; required on create'),
      email: text('Email address', { format: 'email' }),
      phone: text('Phone number'),
    },
  },
  expense: {
    reports: {
      Name: text('Report name; required on create'),
      Purpose: text('Business purpose'),
      CurrencyCode: text('ISO 4217 currency code'),
      Total: readOnly({ type: 'number', format: 'double', description: 'Total amount' }),
    },
  },
  // QuickBooks Online's fields, named as the spec's finance records declare them.
  finance: {
    customers: {
      displayName: text('Display name, unique among customers, vendors and employees'),
      givenName: text('First name'),
      familyName: text('Last name'),
      primaryEmailAddr: { type: 'object', description: 'Email address, as `{ "address": ... }`' },
      balance: readOnly({ type: 'number', format: 'double', description: 'Open balance' }),
    },
    invoices: {
      customerRef: { type: 'object', description: 'Customer, as `{ "value": id }`' },
      docNumber: text('Invoice number'),
      line: { type: 'array', items: { type: 'object' }, description: 'Lines' },
      totalAmt: readOnly({ type: 'number', format: 'double', description: 'Total amount' }),
      balance: readOnly({ type: 'number', format: 'double', description: 'Open balance' }),
    },
    payments: {
      customerRef: { type: 'object', description: 'Customer, as `{ "value": id }`' },
      totalAmt: { type: 'number', format: 'double', description: 'Amount paid' },
      txnDate: text('Payment date'),
      line: { type: 'array', items: { type: 'object' }, description: 'Applications to invoices' },
    },
    vendors: {
      displayName: text('Display name, unique among customers, vendors and employees'),
      givenName: text('First name'),
      familyName: text('Last name'),
      acctNum: text('Your account number at the vendor'),
      taxIdentifier: text('Tax identifier'),
    },
  },
  documents: {},
};

/** What an instance of each element has discovered in the user's account. */
export interface ElementCustomization {
  /** A custom field on a standard resource (or on the custom object, for the documents hub). */
  field: { resource: string; name: string; schema: Field };
  /** A custom object, stored by the emulator like a standard resource. */
  object: { name: string; resource: HubResource; fields: Record<string, Field> };
  /** A property of the custom object whose `$ref` names a definition the document lacks (a real quirk). */
  danglingRef: { property: string; definition: string };
}

/** The custom field and custom object of each seed element's instances. */
export const CUSTOMIZATIONS: Readonly<Record<string, ElementCustomization>> = {
  sfdc: {
    field: { resource: 'contacts', name: 'Favorite_Color__c', schema: text('Favorite color (custom field)') },
    object: {
      name: 'Invoice__c',
      resource: { idPrefix: 'a01', requiredOnCreate: ['Name'] },
      fields: {
        // Salesforce answers a custom object's records with its own `Id`, as it does for standard ones.
        Id: readOnly(text('Identifier of the record, as Salesforce names it (the same as id)')),
        Name: text('Invoice number; required on create'),
        Amount__c: { format: 'double', description: 'Amount due' },
        Status__c: text('Status', { enum: ['Draft', 'Sent', 'Paid'] }),
        Contact__c: text('Identifier of the billed contact', { 'x-reference-objectname': 'contacts' }),
        Due_Date__c: text('Due date', { format: 'date' }),
      },
    },
    danglingRef: { property: 'attributes', definition: 'SObjectAttributes' },
  },
  sfdcservicecloud: {
    field: {
      resource: 'incidents',
      name: 'SLA_Breached__c',
      schema: { type: 'boolean', description: 'SLA breached' },
    },
    object: {
      name: 'Escalation__c',
      resource: { idPrefix: 'a02', requiredOnCreate: ['Name'] },
      fields: {
        Id: readOnly(text('Identifier of the record, as Salesforce names it (the same as id)')),
        Name: text('Escalation name; required on create'),
        Incident__c: text('Identifier of the incident', { 'x-reference-objectname': 'incidents' }),
        Level__c: { format: 'int32', description: 'Escalation level' },
      },
    },
    danglingRef: { property: 'attributes', definition: 'SObjectAttributes' },
  },
  sfdcmarketingcloud: {
    field: {
      resource: 'contacts',
      name: 'PreferredChannel',
      schema: text('Preferred channel (custom attribute)', { enum: ['Email', 'SMS', 'Push'] }),
    },
    object: {
      name: 'Preferences',
      resource: { idPrefix: '', requiredOnCreate: ['SubscriberKey'] },
      fields: {
        SubscriberKey: text('Subscriber key; required on create'),
        Newsletter: { type: 'boolean', description: 'Receives the newsletter' },
        Frequency: { enum: ['Daily', 'Weekly', 'Monthly'], description: 'How often to send' },
      },
    },
    danglingRef: { property: 'keys', definition: 'DataExtensionKeys' },
  },
  marketo: {
    field: { resource: 'contacts', name: 'favoriteColor', schema: text('Favorite color (custom field)') },
    object: {
      name: 'subscription_c',
      resource: { idPrefix: '', requiredOnCreate: ['email'] },
      fields: {
        email: text('Email of the subscriber; required on create', { format: 'email' }),
        plan: text('Plan'),
        renewalDate: { format: 'date', description: 'Renewal date' },
      },
    },
    danglingRef: { property: 'dedupeFields', definition: 'CustomObjectDedupeFields' },
  },
  concur: {
    field: { resource: 'reports', name: 'Custom1', schema: text('Cost center (custom field 1)') },
    object: {
      name: 'TravelRequest',
      resource: { idPrefix: 'gWt', requiredOnCreate: ['Name'] },
      fields: {
        Name: text('Request name; required on create'),
        Destination: text('Destination'),
        StartDate: { format: 'date', description: 'First day of travel' },
      },
    },
    danglingRef: { property: 'approver', definition: 'ConcurUser' },
  },
  sfdcdocuments: {
    field: {
      resource: 'Project__c',
      name: 'Budget__c',
      schema: { type: 'number', description: 'Budget (custom field)' },
    },
    object: {
      name: 'Project__c',
      resource: { idPrefix: 'a03', requiredOnCreate: ['Name'] },
      fields: {
        Name: text('Project name; required on create'),
        Folder_Path__c: text('Folder of the project'),
      },
    },
    danglingRef: { property: 'attributes', definition: 'SObjectAttributes' },
  },
};

const ERRORS: Record<string, string> = {
  '400': 'Bad Request - Often due to a missing request parameter',
  '401': 'Unauthorized - An invalid element token, user secret and/or org secret provided',
  '403': 'Forbidden - Access to the resource by the provider is forbidden',
  '404': 'Not found - The requested resource is not found',
  '500': 'Server error - Something went wrong on the Cloud Elements server',
  '502': "Provider server error - Something went wrong on the Provider or Endpoint's server",
};

const AUTHORIZATION = {
  name: 'Authorization',
  in: 'header',
  required: true,
  type: 'string',
  description:
    "The authorization tokens. The format for the header value is 'Element <token>, User <user secret>'",
};
const ID = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  type: 'string',
  description: `The ID of the ${what}`,
});
const LIST_PARAMETERS = [
  AUTHORIZATION,
  {
    name: 'where',
    in: 'query',
    required: false,
    type: 'string',
    description: "The CEQL search expression, e.g. lastName='Smith'",
  },
  {
    name: 'pageSize',
    in: 'query',
    required: false,
    type: 'integer',
    format: 'int64',
    description: 'Records per page (at most 200)',
  },
  {
    name: 'nextPage',
    in: 'query',
    required: false,
    type: 'string',
    description: 'The next page token of the previous page',
  },
  {
    name: 'orderBy',
    in: 'query',
    required: false,
    type: 'string',
    description: "Fields to sort by, e.g. 'lastName desc'",
  },
  {
    name: 'fields',
    in: 'query',
    required: false,
    type: 'string',
    description: 'Comma-separated fields to return',
  },
];

function responses(schema?: SwaggerSchema, headers?: Record<string, unknown>): SwaggerOperation['responses'] {
  const ok = {
    description: 'OK - Everything worked as expected',
    ...(schema ? { schema } : {}),
    ...(headers ? { headers } : {}),
  };
  return {
    '200': ok,
    ...Object.fromEntries(Object.entries(ERRORS).map(([status, d]) => [status, { description: d }])),
  };
}

const ref = (name: string): SwaggerSchema => ({ $ref: `#/definitions/${name}` });
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** `contacts` → `Contact`, `opportunities` → `Opportunity`. */
const singular = (resource: string) => capitalize(resource.replace(/ies$/, 'y').replace(/s$/, ''));

function operation(
  operationId: string,
  summary: string,
  tag: string,
  parameters: Array<Record<string, unknown>>,
  answer: SwaggerOperation['responses'],
): SwaggerOperation {
  return { operationId, summary, tags: [tag], parameters, responses: answer };
}

/** The record paths of one resource: list and create, then read, update and delete by id. */
function recordPaths(
  resource: string,
  definition: string,
  ids: { list: string; create: string; get: string; update: string; delete: string },
): Record<string, Record<string, SwaggerOperation>> {
  const one = singular(resource).toLowerCase();
  const body = {
    name: 'body',
    in: 'body',
    required: true,
    description: `The ${one}`,
    schema: ref(definition),
  };
  const nextPage = {
    'Elements-Next-Page-Token': { type: 'string', description: 'Token of the next page, if any' },
  };
  return {
    [`/${resource}`]: {
      get: operation(
        ids.list,
        `Search for ${resource}`,
        resource,
        LIST_PARAMETERS,
        responses({ type: 'array', items: ref(definition) }, nextPage),
      ),
      post: operation(
        ids.create,
        `Create a ${one}`,
        resource,
        [AUTHORIZATION, body],
        responses(ref(definition)),
      ),
    },
    [`/${resource}/{id}`]: {
      get: operation(
        ids.get,
        `Retrieve a ${one}`,
        resource,
        [AUTHORIZATION, ID(one)],
        responses(ref(definition)),
      ),
      patch: operation(
        ids.update,
        `Update a ${one}`,
        resource,
        [AUTHORIZATION, ID(one), body],
        responses(ref(definition)),
      ),
      delete: operation(ids.delete, `Delete a ${one}`, resource, [AUTHORIZATION, ID(one)], responses()),
    },
  };
}

/**
 * The fields a standard record also has under its provider's names, as the emulator answers them (model/native.ts):
 * Salesforce's `Id`, `CreatedDate`, `attributes` and PascalCase twins, Concur's `ID` and `URI`, Marketo's dates.
 */
function nativeProperties(
  elementKey: string,
  resource: string,
  fields: Record<string, Field>,
): Record<string, Field> {
  const names = NATIVE_NAMES[elementKey];
  if (!names) return {};
  const out: Record<string, Field> = {};
  const date = (what: string): Field =>
    readOnly(
      names.dates === 'salesforce'
        ? text(`${what}, e.g. 2018-06-12T15:04:11.000+0000`)
        : text(what, { format: 'date-time' }),
    );
  if (names.id) out[names.id] = readOnly(text('Identifier of the record at the provider'));
  if (names.created) out[names.created] = date('When the record was created');
  if (names.modified) out[names.modified] = date('When the record was last changed');
  if (names.uri) out.URI = readOnly(text('URL of the record at the provider'));
  const sobject = names.sobjects?.[resource];
  if (sobject !== undefined) {
    out.attributes = readOnly({
      type: 'object',
      description: `The sObject (${sobject}) and URL of the record`,
      properties: { type: text('sObject name'), url: text('URL of the record at Salesforce') },
    });
  }
  if (names.pascalCase) {
    for (const [field, schema] of Object.entries(fields)) {
      const twin = field.charAt(0).toUpperCase() + field.slice(1);
      if (/^[a-z][A-Za-z0-9]*$/.test(field) && !Object.hasOwn(fields, twin)) out[twin] = schema;
    }
    if (resource !== 'accounts' && resource !== 'opportunities')
      out.Name = readOnly(text('Full name, computed by the provider'));
  }
  return out;
}

function recordDefinition(
  resource: string,
  fields: Record<string, Field>,
  native: Record<string, Field> = {},
): SwaggerSchema {
  return {
    type: 'object',
    'x-primary-key': ['id'],
    'x-vendor-objectname': resource,
    properties: { ...SERVER_FIELDS, ...fields, ...native },
  };
}

/** Hub operations every element has: ping, the object list and an object's metadata. */
function hubPaths(): Record<string, Record<string, SwaggerOperation>> {
  const objectName = {
    name: 'objectName',
    in: 'path',
    required: true,
    type: 'string',
    description: 'The name of the object',
  };
  return {
    '/ping': {
      get: operation(
        'getPing',
        'Ping the element to confirm that the instance is up',
        'ping',
        [AUTHORIZATION],
        responses(ref('Pong')),
      ),
    },
    '/objects': {
      get: operation(
        'getObjects',
        'Retrieve the objects of the element',
        'objects',
        [AUTHORIZATION],
        responses({ type: 'array', items: { type: 'string' } }),
      ),
    },
    '/objects/{objectName}/metadata': {
      get: operation(
        'getObjectsObjectNameMetadata',
        "Retrieve an object's fields",
        'objects',
        [AUTHORIZATION, objectName],
        responses(ref('ObjectMetadata')),
      ),
    },
  };
}

const HUB_DEFINITIONS: Record<string, SwaggerSchema> = {
  Pong: {
    type: 'object',
    properties: {
      dateTime: text('Time of the ping', { format: 'date-time' }),
      endpoint: text('Element key'),
    },
  },
  ObjectMetadata: {
    type: 'object',
    properties: { fields: { type: 'array', items: ref('ObjectMetadataField') } },
  },
  ObjectMetadataField: {
    type: 'object',
    properties: {
      vendorPath: text('Field name at the provider'),
      type: text('Type of the field'),
      vendorNativeType: text('Type of the field at the provider'),
      vendorReadOnly: { type: 'boolean' },
      filterable: { type: 'boolean' },
      createable: { type: 'boolean' },
      updateable: { type: 'boolean' },
    },
  },
};

/** The documents hub's own operations: files by path or id, folder contents. */
function documentsPaths(): Record<string, Record<string, SwaggerOperation>> {
  const path = (what: string) => ({
    name: 'path',
    in: 'query',
    required: true,
    type: 'string',
    description: `The path of the ${what}`,
  });
  const download = { produces: ['application/octet-stream'] };
  return {
    '/files': {
      get: {
        ...operation(
          'getFile',
          'Download a file by its path',
          'files',
          [AUTHORIZATION, path('file')],
          responses({ type: 'file' }),
        ),
        ...download,
      },
      post: {
        ...operation(
          'createFile',
          'Upload a file',
          'files',
          [
            AUTHORIZATION,
            path('new file'),
            { name: 'file', in: 'formData', required: true, type: 'file', description: 'The file' },
            {
              name: 'overwrite',
              in: 'query',
              required: false,
              type: 'boolean',
              description: 'Replace a file with the same path',
            },
          ],
          responses(ref('File')),
        ),
        consumes: ['multipart/form-data'],
      },
    },
    '/files/{id}': {
      get: {
        ...operation(
          'getFileById',
          'Download a file',
          'files',
          [AUTHORIZATION, ID('file')],
          responses({ type: 'file' }),
        ),
        ...download,
      },
      delete: operation('deleteFileById', 'Delete a file', 'files', [AUTHORIZATION, ID('file')], responses()),
    },
    '/files/{id}/metadata': {
      get: operation(
        'getFileMetadataById',
        "Retrieve a file's metadata",
        'files',
        [AUTHORIZATION, ID('file')],
        responses(ref('File')),
      ),
    },
    '/folders/contents': {
      get: operation(
        'getFolderContents',
        'List the files and folders of a folder',
        'folders',
        [AUTHORIZATION, path('folder')],
        responses({ type: 'array', items: ref('File') }),
      ),
    },
  };
}

const FILE_DEFINITION: SwaggerSchema = {
  type: 'object',
  'x-primary-key': ['id'],
  properties: {
    id: readOnly(text('Identifier of the file or folder')),
    name: text('Name'),
    path: text('Full path'),
    directory: { type: 'boolean', description: 'Whether it is a folder' },
    size: { type: 'integer', format: 'int64', description: 'Size in bytes' },
    createdDate: readOnly(text('When it was created', { format: 'date-time' })),
    modifiedDate: readOnly(text('When it was last changed', { format: 'date-time' })),
    tags: { type: 'array', items: { type: 'string' } },
  },
};

/** Where the document is served from: the emulator's own host, so a client can call what it describes. */
function hostOf(origin: string): { host: string; schemes: string[] } {
  const url = new URL(origin);
  return { host: url.host, schemes: [url.protocol.replace(':', '')] };
}

/** The Swagger 2.0 document of an element: its hub's standard resources and operations. */
export function elementDocs(element: CatalogElement, origin: string): SwaggerDocument {
  const paths: SwaggerDocument['paths'] = { ...hubPaths() };
  const definitions: SwaggerDocument['definitions'] = { ...HUB_DEFINITIONS };
  const tags = [{ name: 'ping' }, { name: 'objects' }];
  if (element.hub === 'documents') {
    Object.assign(paths, documentsPaths());
    definitions.File = FILE_DEFINITION;
    tags.push({ name: 'files' }, { name: 'folders' });
  }
  for (const resource of Object.keys(HUB_RESOURCES[element.hub] ?? {})) {
    const name = singular(resource);
    const plural = capitalize(resource);
    Object.assign(
      paths,
      recordPaths(resource, name, {
        list: `get${plural}`,
        create: `create${name}`,
        get: `get${name}ById`,
        update: `update${name}ById`,
        delete: `delete${name}ById`,
      }),
    );
    const fields = RESOURCE_FIELDS[element.hub]?.[resource] ?? {};
    definitions[name] = recordDefinition(resource, fields, nativeProperties(element.key, resource, fields));
    tags.push({ name: resource });
  }
  return {
    swagger: '2.0',
    info: { title: element.name, version: '1.0', description: element.description },
    ...hostOf(origin),
    basePath: `/elements/api-v2/hubs/${element.hub}`,
    consumes: ['application/json'],
    produces: ['application/json'],
    tags,
    paths,
    definitions,
  };
}

/** The JSON type of a discovered value, as instance docs report it. */
function discoveredField(value: unknown): Field {
  const description = 'Discovered field';
  if (typeof value === 'boolean') return { type: 'boolean', description };
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? { type: 'integer', format: 'int64', description }
      : { type: 'number', description };
  if (Array.isArray(value)) return { type: 'array', items: {}, description };
  if (typeof value === 'object' && value !== null) return { type: 'object', description };
  return { type: 'string', description };
}

/** Adds the fields of stored records that `definition` does not name yet, sorted by name. */
function discover(definition: SwaggerSchema, records: Iterable<HubRecord>): void {
  const properties = (definition.properties ??= {});
  const found = new Map<string, unknown>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (!Object.hasOwn(properties, name) && !found.has(name) && value !== null) found.set(name, value);
    }
  }
  for (const name of [...found.keys()].sort()) properties[name] = discoveredField(found.get(name));
}

/**
 * The Swagger 2.0 document of an instance: its element's, plus the custom field and custom object the instance's
 * account has, plus fields discovered in the records it stores (`records(resource)`).
 */
export function instanceDocs(
  element: CatalogElement,
  instance: EmulatorInstance,
  origin: string,
  records: (resource: string) => Iterable<HubRecord>,
): SwaggerDocument {
  const docs = elementDocs(element, origin);
  docs.info = { ...docs.info, description: `The API of instance ${instance.id} (${instance.name}).` };
  const custom = CUSTOMIZATIONS[element.key];
  if (custom) {
    const { name, fields } = custom.object;
    // Discovered objects come without `type: object` (a real quirk), and with a $ref to a missing definition.
    const { type: _dropped, ...untyped } = recordDefinition(name, fields);
    docs.definitions[name] = {
      ...untyped,
      properties: {
        ...untyped.properties,
        [custom.danglingRef.property]: ref(custom.danglingRef.definition),
      },
    };
    Object.assign(
      docs.paths,
      recordPaths(name, name, {
        list: `getByObjectName_${name}`,
        create: `createObjectName_${name}`,
        get: `getObjectNameByObjectId_${name}`,
        update: `updateObjectNameByObjectId_${name}`,
        delete: `deleteObjectNameByObjectId_${name}`,
      }),
    );
    // The object's own metadata path reuses the generic operation's id (another real quirk).
    docs.paths[`/objects/${name}/metadata`] = {
      get: operation(
        'getObjectsObjectNameMetadata',
        `Retrieve the fields of ${name}`,
        'objects',
        [AUTHORIZATION],
        responses(ref('ObjectMetadata')),
      ),
    };
    docs.tags.push({ name, description: 'Custom object' });
    const target = docs.definitions[custom.field.resource === name ? name : singular(custom.field.resource)];
    if (target?.properties) target.properties[custom.field.name] = custom.field.schema;
  }
  for (const definition of Object.values(docs.definitions)) {
    const resource = definition['x-vendor-objectname'];
    if (typeof resource === 'string') discover(definition, records(resource));
  }
  return docs;
}
