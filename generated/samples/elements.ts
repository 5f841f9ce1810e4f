// The TypeScript samples of the operations tagged "Elements", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';
import { defineOAuthApp, startOAuth } from '../../src/oauth.js';

/** GET /elements/{keyOrId}/oauth/url: Get the OAuth authorization URL of an element */
export async function getElementOAuthUrl(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Your provider app, the same in the start and the finish.
  const app = defineOAuthApp({
    apiKey: 'fake_salesforce_api_key',
    apiSecret: 'fake_salesforce_api_secret',
    callbackUrl: 'https://www.mycoolapp.com/auth',
  });
  // Redirect the user's browser to `url`; keep `state` in their session.
  // Then readOAuthCallback(…) and finishOAuth(…) create the instance.
  const { url, state } = await startOAuth(ce, app, { elementKey: 'sfdc' });
}

/** POST /elements/{keyOrId}/oauth/url: Get the OAuth authorization URL, parameters in the body */
export async function requestElementOAuthUrl(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const url = await unwrap(
    ce.POST('/elements/{keyOrId}/oauth/url', {
      params: { path: { keyOrId: 'sfdc' } },
      body: {
        apiKey: 'fake_salesforce_api_key',
        apiSecret: 'fake_salesforce_api_secret',
        callbackUrl: 'https://www.mycoolapp.com/auth',
        state: 'sfdc',
        scope: 'full refresh_token',
      },
    }),
  );
  console.log(url);
}

/** GET /elements: List the elements */
export async function listElements(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const element of paginate(ce, '/elements', { pageSize: 100 })) {
    console.log(element.id);
  }
}

/** POST /elements: Create an element definition */
export async function createElement(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const element = await unwrap(
    ce.POST('/elements', {
      body: {
        bulkUploadEnabled: false,
        image: 'http://logonoid.com/images/postgresql-logo.png',
        configuration: [
          {
            internal: false,
            defaultValue: 'jdbc:postgresql://{db.host}/{db.name}',
            companyConfig: false,
            displayOrder: 1,
            description: 'MyPostGreSQL Base URL',
            active: true,
            type: 'TEXTFIELD_1000',
            resellerConfig: false,
            required: false,
            hideFromConsole: true,
            name: 'Base URL',
            groupControl: false,
            key: 'base.url',
          },
          {
            internal: false,
            defaultValue: '',
            companyConfig: false,
            displayOrder: 1,
            description: 'MyPostGreSQL Database Host',
            active: true,
            type: 'TEXTFIELD_128',
            resellerConfig: false,
            required: true,
            hideFromConsole: false,
            name: 'Database Host',
            groupControl: false,
            key: 'db.host',
          },
          {
            internal: false,
            defaultValue: '',
            companyConfig: false,
            displayOrder: 2,
            description: 'MyPostGreSQL Username',
            active: true,
            type: 'TEXTFIELD_32',
            resellerConfig: false,
            required: true,
            hideFromConsole: false,
            name: 'Username',
            groupControl: false,
            key: 'username',
          },
        ],
        description: 'My PostGreSQL Custom Element',
        active: true,
        resources: [
          {
            nextPageKey: '',
            path: '/hubs/db/customers',
            vendorMethod: 'GET',
            method: 'GET',
            description: 'Retrieve a list of customers',
            model: {
              transform: false,
              name: 'customerList',
              rawSwagger: {},
              swagger: {},
            },
            type: 'api',
            vendorPath: 'select * from customer offset :offset limit :limit',
            parameters: [
              {
                vendorType: 'query',
                dataType: 'string',
                name: 'offset,limit',
                description: 'Comma separated named parameters',
                vendorDataType: 'string',
                source: 'request',
                vendorName: 'namedParameters',
                type: 'value',
                required: false,
              },
              {
                vendorType: 'query',
                dataType: 'string',
                name: 'page',
                description: 'The page number of resources to retrieve',
                vendorDataType: 'string',
                source: 'request',
                vendorName: 'offset',
                type: 'query',
                required: false,
              },
              {
                vendorType: 'query',
                dataType: 'string',
                name: 'pageSize',
                description: 'The number of resources to return in a given page',
                vendorDataType: 'string',
                source: 'request',
                vendorName: 'limit',
                type: 'query',
                required: false,
              },
            ],
            hooks: [],
          },
          {
            nextPageKey: '',
            path: '/hubs/db/customers/{id}',
            vendorMethod: 'DELETE',
            method: 'DELETE',
            description: 'Delete a customer by ID',
            model: {
              transform: false,
              name: 'customers',
              rawSwagger: {
                customers: {
                  id: 'customers',
                  properties: { count: { format: 'int32', type: 'integer' } },
                },
              },
              swagger: {
                customers: {
                  id: 'customers',
                  properties: { count: { format: 'int32', type: 'integer' } },
                },
              },
            },
            type: 'api',
            vendorPath: 'delete from customer where customer_id = :id',
            parameters: [
              {
                vendorType: 'query',
                dataType: 'number',
                name: 'id',
                description: 'The whatever ID',
                vendorDataType: 'number',
                source: 'request',
                vendorName: 'id',
                type: 'path',
                required: true,
              },
              {
                vendorType: 'query',
                dataType: 'string',
                name: 'id',
                description: 'Comma separated named parameters',
                vendorDataType: 'string',
                source: 'request',
                vendorName: 'namedParameters',
                type: 'value',
                required: false,
              },
            ],
            hooks: [],
          },
        ],
        protocolType: 'jdbc',
        cloneable: true,
        transformationsEnabled: true,
        bulkDownloadEnabled: false,
        deleted: false,
        hub: 'db',
        typeOauth: false,
        name: 'MyPostGreSQL',
        trialAccount: false,
        hooks: [],
        parameters: [
          {
            vendorType: 'path',
            name: 'db.host',
            source: 'request',
            vendorName: 'db.host',
            type: 'configuration',
            required: false,
          },
          {
            vendorType: 'path',
            name: 'db.name',
            source: 'request',
            vendorName: 'db.name',
            type: 'configuration',
            required: false,
          },
        ],
        key: 'mypostgresql',
        authentication: { type: 'custom' },
      },
    }),
  );
  console.log(element.id);
}

/** GET /elements/keys: List the element keys */
export async function listElementKeys(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const key of paginate(ce, '/elements/keys', { pageSize: 100 })) {
    console.log(key);
  }
}

/** GET /elements/metadata: List the metadata of every element */
export async function listElementsMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const metadata of paginate(ce, '/elements/metadata', {
    pageSize: 100,
  })) {
    console.log(metadata.id);
  }
}

/** GET /elements/{keyOrId}: Get an element */
export async function getElement(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const element = await unwrap(
    ce.GET('/elements/{keyOrId}', { params: { path: { keyOrId: 'sfdc' } } }),
  );
  console.log(element.id);
}

/** GET /elements/{keyOrId}/metadata: Get the metadata of an element */
export async function getElementMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const metadata = await unwrap(
    ce.GET('/elements/{keyOrId}/metadata', {
      params: { path: { keyOrId: 'sfdc' } },
    }),
  );
  console.log(metadata.id);
}

/** GET /elements/{keyOrId}/docs: Get the API docs of an element */
export async function getElementDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const doc = await unwrap(
    ce.GET('/elements/{keyOrId}/docs', { params: { path: { keyOrId: 'sfdc' } } }),
  );
  console.log(doc);
}

/** GET /elements/{keyOrId}/configuration: Get the configuration entries of an element */
export async function getElementConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const configuration = await unwrap(
    ce.GET('/elements/{keyOrId}/configuration', {
      params: { path: { keyOrId: 'sfdc' } },
    }),
  );
  console.log(configuration);
}

/** GET /elements/{keyOrId}/transformations: List the default transformations of an element */
export async function listElementTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const transformation = await unwrap(
    ce.GET('/elements/{keyOrId}/transformations', {
      params: { path: { keyOrId: 'sfdc' } },
    }),
  );
  console.log(transformation);
}

/** GET /elements/{keyOrId}/oauth/token: Get an OAuth 1 request token */
export async function getElementOAuthToken(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const token = await unwrap(
    ce.GET('/elements/{keyOrId}/oauth/token', {
      params: {
        path: { keyOrId: 'sfdc' },
        query: {
          apiKey: 'abcrdzs8G6Uaq40FDkETrfgMFD9dac',
          apiSecret: 'defxWBlptamf9Tg9Zk1vcanxqChAONDnQ9lKPdae',
          callbackUrl: 'http://callbackurl.com',
        },
      },
    }),
  );
  console.log(token);
}
