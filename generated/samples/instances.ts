// The TypeScript samples of the operations tagged "Instances", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /elements/{keyOrId}/instances: List the instances of an element */
export async function listElementInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/elements/{keyOrId}/instances', {
    params: { path: { keyOrId: 'sfdc' } },
    pageSize: 100,
  })) {
    console.log(instance.id);
  }
}

/** POST /elements/{keyOrId}/instances: Create an instance of an element */
export async function createElementInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.POST('/elements/{keyOrId}/instances', {
      params: { path: { keyOrId: 'sfdc' } },
      body: {
        name: 'jira instance',
        tags: ['Docs'],
        configuration: {
          username: 'jira-user',
          password: 'jira-password',
          'base.url': 'https://mycompany.atlassian.net',
        },
      },
    }),
  );
  console.log(instance.id);
}

/** GET /elements/{keyOrId}/instances/{id}: Get an instance of an element */
export async function getElementInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.GET('/elements/{keyOrId}/instances/{id}', {
      params: { path: { keyOrId: 'sfdc', id: 12345 } },
    }),
  );
  console.log(instance.id);
}

/** PUT /elements/{keyOrId}/instances/{id}: Replace an instance of an element */
export async function replaceElementInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.PUT('/elements/{keyOrId}/instances/{id}', {
      params: { path: { keyOrId: 'sfdc', id: 12345 } },
      body: {
        element: { key: 'sfdc' },
        name: 'SFDC Updated Instance',
        tags: ['sandbox', 'new-tag'],
        configuration: {
          'oauth.api.key': 'fake_salesforce_api_key',
          'oauth.api.secret': 'fake_salesforce_api_secret',
          'oauth.callback.url': 'https://www.mycoolapp.com/auth',
        },
        providerData: { code: 'new-authorization-code' },
      },
    }),
  );
  console.log(instance.id);
}

/** DELETE /elements/{keyOrId}/instances/{id}: Delete an instance of an element */
export async function deleteElementInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/elements/{keyOrId}/instances/{id}', {
      params: { path: { keyOrId: 'sfdc', id: 12345 } },
    }),
  );
}

/** GET /instances: List instances */
export async function listInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/instances', { pageSize: 100 })) {
    console.log(instance.id);
  }
}

/** PUT /instances: Replace the current instance */
export async function replaceCurrentInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const instance = await unwrap(
    connected.PUT('/instances', {
      body: {
        element: { key: 'sfdc' },
        name: 'SFDC Updated Instance',
        tags: ['sandbox', 'new-tag'],
        configuration: {
          'oauth.api.key': 'fake_salesforce_api_key',
          'oauth.api.secret': 'fake_salesforce_api_secret',
          'oauth.callback.url': 'https://www.mycoolapp.com/auth',
        },
        providerData: { code: 'new-authorization-code' },
      },
    }),
  );
  console.log(instance.id);
}

/** POST /instances: Create an instance */
export async function createInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.POST('/instances', {
      body: {
        element: { key: 'sfdc' },
        providerData: {
          code: 'aPrxMZkm7lCkgfRp6r.wjav5NtEiWEdm0Ol4UxpgX.3WGDkFjtt1.AuAx_nqCQ05p94a50Anrw%3D%3D',
        },
        configuration: {
          'oauth.callback.url': 'https://console.cloud-elements.com/elements/jsp/home.jsp',
          'oauth.api.key': '3MVG9A2kN3Bn17huqpbZ.99EPdhIK6o1gB7E3Y42_swsBVklSkNNChnvIGTxb0GAzTUrZKrnMLbbazmLkeZrt',
          'oauth.api.secret': '5996596135756415222',
        },
        tags: ['api tag'],
        name: 'sfdc api',
      },
    }),
  );
  console.log(instance.id);
}

/** PATCH /instances: Update the current instance */
export async function updateCurrentInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const instance = await unwrap(
    connected.PATCH('/instances', { body: { tags: ['tag1', 'tag2', 'tag3'] } }),
  );
  console.log(instance.id);
}

/** DELETE /instances: Delete the current instance */
export async function deleteCurrentInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(connected.DELETE('/instances'));
}

/** GET /instances/{id}: Get an instance */
export async function getInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.GET('/instances/{id}', { params: { path: { id: 12345 } } }),
  );
  console.log(instance.id);
}

/** PUT /instances/{id}: Replace an instance */
export async function replaceInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.PUT('/instances/{id}', {
      params: { path: { id: 12345 } },
      body: {
        element: { key: 'sfdc' },
        name: 'SFDC Updated Instance',
        tags: ['sandbox', 'new-tag'],
        configuration: {
          'oauth.api.key': 'fake_salesforce_api_key',
          'oauth.api.secret': 'fake_salesforce_api_secret',
          'oauth.callback.url': 'https://www.mycoolapp.com/auth',
        },
        providerData: { code: 'new-authorization-code' },
      },
    }),
  );
  console.log(instance.id);
}

/** PATCH /instances/{id}: Update an instance */
export async function updateInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.PATCH('/instances/{id}', {
      params: { path: { id: 12345 } },
      body: { tags: ['tag1', 'tag2', 'tag3'] },
    }),
  );
  console.log(instance.id);
}

/** DELETE /instances/{id}: Delete an instance */
export async function deleteInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(ce.DELETE('/instances/{id}', { params: { path: { id: 12345 } } }));
}

/** GET /instances/{id}/configuration: List the configuration entries of an instance */
export async function listInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const configuration = await unwrap(
    ce.GET('/instances/{id}/configuration', { params: { path: { id: 12345 } } }),
  );
  console.log(configuration.length);
}

/** GET /instances/{id}/configuration/{configId}: Get a configuration entry of an instance */
export async function getInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const configuration = await unwrap(
    ce.GET('/instances/{id}/configuration/{configId}', {
      params: { path: { id: 12345, configId: 1234567 } },
    }),
  );
  console.log(configuration.id);
}

/** PATCH /instances/{id}/configuration/{configId}: Change a configuration entry of an instance */
export async function updateInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const configuration = await unwrap(
    ce.PATCH('/instances/{id}/configuration/{configId}', {
      params: { path: { id: 12345, configId: 1234567 } },
      body: { propertyValue: 'false' },
    }),
  );
  console.log(configuration.id);
}

/** GET /instances/{id}/docs: Get the API docs of an instance */
export async function getInstanceDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const doc = await unwrap(
    ce.GET('/instances/{id}/docs', { params: { path: { id: 12345 } } }),
  );
  console.log(doc);
}

/** GET /instances/{id}/docs/{operationId}: Get the docs of one operation */
export async function getInstanceOperationDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const doc = await unwrap(
    ce.GET('/instances/{id}/docs/{operationId}', {
      params: { path: { id: 12345, operationId: 'createAccount' } },
    }),
  );
  console.log(doc);
}

/** GET /instances/{id}/docs/{operationId}/definitions: Get the models of one operation */
export async function getInstanceOperationDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/instances/{id}/docs/{operationId}/definitions', {
      params: { path: { id: 12345, operationId: 'createAccount' } },
    }),
  );
  console.log(definition);
}

/** PUT /instances/{id}/enabled: Enable an instance */
export async function enableInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/instances/{id}/enabled', { params: { path: { id: 12345 } } }),
  );
}

/** DELETE /instances/{id}/enabled: Disable an instance */
export async function disableInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/instances/{id}/enabled', { params: { path: { id: 12345 } } }),
  );
}

/** GET /instances/{id}/events: List the events of an instance */
export async function listInstanceEvents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const event of paginate(ce, '/instances/{id}/events', {
    params: { path: { id: 12345 } },
    pageSize: 100,
  })) {
    console.log(event.id);
  }
}

/** GET /instances/{id}/events/{eventId}: Get an event of an instance */
export async function getInstanceEvent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const event = await unwrap(
    ce.GET('/instances/{id}/events/{eventId}', {
      params: { path: { id: 12345, eventId: '5061723' } },
    }),
  );
  console.log(event.id);
}

/** GET /instances/{id}/objects/definitions: List the object definitions of an instance */
export async function listInstanceObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/instances/{id}/objects/definitions', {
      params: { path: { id: 12345 } },
    }),
  );
  console.log(definition);
}

/** GET /instances/{id}/objects/{objectName}/definitions: Get an object definition of an instance */
export async function getInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/instances/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
    }),
  );
  console.log(definition);
}

/** PUT /instances/{id}/objects/{objectName}/definitions: Replace an object definition of an instance */
export async function replaceInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.PUT('/instances/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
      body: {
        fields: [
          { path: 'companyName', type: 'string' },
          { path: 'number', type: 'string' },
          { path: 'id', type: 'string' },
          { path: 'description', type: 'string' },
        ],
      },
    }),
  );
  console.log(definition);
}

/** POST /instances/{id}/objects/{objectName}/definitions: Define an object for an instance */
export async function createInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/instances/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
      body: {
        fields: [
          { path: 'companyName', type: 'string' },
          { path: 'number', type: 'string' },
          { path: 'id', type: 'string' },
          { path: 'description', type: 'string' },
        ],
      },
    }),
  );
  console.log(definition);
}

/** DELETE /instances/{id}/objects/{objectName}/definitions: Delete an object definition of an instance */
export async function deleteInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/instances/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
    }),
  );
}

/** PUT /instances/{id}/trace-logging: Turn on trace logging for an instance */
export async function enableInstanceTraceLogging(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/instances/{id}/trace-logging', {
      params: { path: { id: 12345 } },
      body: { duration: 60 },
    }),
  );
}

/** DELETE /instances/{id}/trace-logging: Turn off trace logging for an instance */
export async function disableInstanceTraceLogging(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/instances/{id}/trace-logging', {
      params: { path: { id: 12345 } },
    }),
  );
}

/** GET /instances/{id}/transformations: List the transformations of an instance */
export async function listInstanceTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const transformation = await unwrap(
    ce.GET('/instances/{id}/transformations', {
      params: { path: { id: 12345 } },
    }),
  );
  console.log(transformation);
}

/** DELETE /instances/{id}/transformations: Delete all transformations of an instance */
export async function deleteInstanceTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/instances/{id}/transformations', {
      params: { path: { id: 12345 } },
    }),
  );
}

/** GET /instances/{id}/transformations/{objectName}: Get a transformation of an instance */
export async function getInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.GET('/instances/{id}/transformations/{objectName}', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
    }),
  );
  console.log(record);
}

/** PUT /instances/{id}/transformations/{objectName}: Replace a transformation of an instance */
export async function replaceInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.PUT('/instances/{id}/transformations/{objectName}', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
      body: {
        vendorName: 'Account',
        configuration: [
          {
            type: 'passThrough',
            properties: { fromVendor: false, toVendor: false },
          },
          { type: 'addToDocumentation' },
        ],
        fields: [
          { path: 'companyName', vendorPath: 'Name' },
          { path: 'number', vendorPath: 'AccountNumber' },
          { path: 'id', vendorPath: 'Id' },
          { path: 'description', vendorPath: 'Description' },
        ],
      },
    }),
  );
  console.log(record);
}

/** POST /instances/{id}/transformations/{objectName}: Create a transformation for an instance */
export async function createInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.POST('/instances/{id}/transformations/{objectName}', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
      body: {
        vendorName: 'Account',
        configuration: [
          {
            type: 'passThrough',
            properties: { fromVendor: false, toVendor: false },
          },
          { type: 'addToDocumentation' },
        ],
        fields: [
          { path: 'companyName', vendorPath: 'Name' },
          { path: 'number', vendorPath: 'AccountNumber' },
          { path: 'id', vendorPath: 'Id' },
          { path: 'description', vendorPath: 'Description' },
        ],
      },
    }),
  );
  console.log(record);
}

/** DELETE /instances/{id}/transformations/{objectName}: Delete a transformation of an instance */
export async function deleteInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/instances/{id}/transformations/{objectName}', {
      params: { path: { id: 12345, objectName: 'myaccounts' } },
    }),
  );
}

/** GET /instances/configuration: List the configuration entries of the current instance */
export async function listCurrentInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const configuration = await unwrap(connected.GET('/instances/configuration'));
  console.log(configuration.length);
}

/** GET /instances/configuration/{configId}: Get a configuration entry of the current instance */
export async function getCurrentInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const configuration = await unwrap(
    connected.GET('/instances/configuration/{configId}', {
      params: { path: { configId: 1234567 } },
    }),
  );
  console.log(configuration.id);
}

/** PATCH /instances/configuration/{configId}: Change a configuration entry of the current instance */
export async function updateCurrentInstanceConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const configuration = await unwrap(
    connected.PATCH('/instances/configuration/{configId}', {
      params: { path: { configId: 1234567 } },
      body: { propertyValue: 'false' },
    }),
  );
  console.log(configuration.id);
}

/** GET /instances/docs: Get the API docs of the current instance */
export async function getCurrentInstanceDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const doc = await unwrap(connected.GET('/instances/docs'));
  console.log(doc);
}

/** GET /instances/docs/{operationId}: Get the docs of one operation of the current instance */
export async function getCurrentInstanceOperationDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const doc = await unwrap(
    connected.GET('/instances/docs/{operationId}', {
      params: { path: { operationId: 'createAccount' } },
    }),
  );
  console.log(doc);
}

/** GET /instances/docs/{operationId}/definitions: Get the models of one operation of the current instance */
export async function getCurrentInstanceOperationDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const definition = await unwrap(
    connected.GET('/instances/docs/{operationId}/definitions', {
      params: { path: { operationId: 'createAccount' } },
    }),
  );
  console.log(definition);
}

/** PUT /instances/enabled: Enable the current instance */
export async function enableCurrentInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(connected.PUT('/instances/enabled'));
}

/** DELETE /instances/enabled: Disable the current instance */
export async function disableCurrentInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(connected.DELETE('/instances/enabled'));
}

/** GET /instances/events: List the events of the current instance */
export async function listCurrentInstanceEvents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const event of paginate(connected, '/instances/events', {
    pageSize: 100,
  })) {
    console.log(event.id);
  }
}

/** GET /instances/events/{eventId}: Get an event of the current instance */
export async function getCurrentInstanceEvent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const event = await unwrap(
    connected.GET('/instances/events/{eventId}', {
      params: { path: { eventId: '5061723' } },
    }),
  );
  console.log(event.id);
}

/** GET /instances/events/analytics: Count events over time */
export async function listEventAnalytics(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const analytics = await unwrap(ce.GET('/instances/events/analytics'));
  console.log(analytics.length);
}

/** GET /instances/events/analytics/accounts: Count events over time, per account */
export async function listEventAnalyticsByAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const accounts = await unwrap(ce.GET('/instances/events/analytics/accounts'));
  console.log(accounts.length);
}

/** GET /instances/events/analytics/instances: Count events over time, per instance */
export async function listEventAnalyticsByInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instances = await unwrap(ce.GET('/instances/events/analytics/instances'));
  console.log(instances.length);
}

/** GET /instances/events/dispositions: List what happened to events */
export async function listEventDispositions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const disposition of paginate(ce, '/instances/events/dispositions', {
    pageSize: 100,
  })) {
    console.log(disposition);
  }
}

/** GET /instances/objects/definitions: List the object definitions of the current instance */
export async function listCurrentInstanceObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const definition = await unwrap(
    connected.GET('/instances/objects/definitions'),
  );
  console.log(definition);
}

/** GET /instances/objects/{objectName}/definitions: Get an object definition of the current instance */
export async function getCurrentInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const definition = await unwrap(
    connected.GET('/instances/objects/{objectName}/definitions', {
      params: { path: { objectName: 'myaccounts' } },
    }),
  );
  console.log(definition);
}

/** PUT /instances/objects/{objectName}/definitions: Replace an object definition of the current instance */
export async function replaceCurrentInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const definition = await unwrap(
    connected.PUT('/instances/objects/{objectName}/definitions', {
      params: { path: { objectName: 'myaccounts' } },
      body: {
        fields: [
          { path: 'companyName', type: 'string' },
          { path: 'number', type: 'string' },
          { path: 'id', type: 'string' },
          { path: 'description', type: 'string' },
        ],
      },
    }),
  );
  console.log(definition);
}

/** POST /instances/objects/{objectName}/definitions: Define an object for the current instance */
export async function createCurrentInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const definition = await unwrap(
    connected.POST('/instances/objects/{objectName}/definitions', {
      params: { path: { objectName: 'myaccounts' } },
      body: {
        fields: [
          { path: 'companyName', type: 'string' },
          { path: 'number', type: 'string' },
          { path: 'id', type: 'string' },
          { path: 'description', type: 'string' },
        ],
      },
    }),
  );
  console.log(definition);
}

/** DELETE /instances/objects/{objectName}/definitions: Delete an object definition of the current instance */
export async function deleteCurrentInstanceObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    connected.DELETE('/instances/objects/{objectName}/definitions', {
      params: { path: { objectName: 'myaccounts' } },
    }),
  );
}

/** PUT /instances/trace-logging: Turn on trace logging for the current instance */
export async function enableCurrentInstanceTraceLogging(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    connected.PUT('/instances/trace-logging', { body: { duration: 60 } }),
  );
}

/** DELETE /instances/trace-logging: Turn off trace logging for the current instance */
export async function disableCurrentInstanceTraceLogging(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(connected.DELETE('/instances/trace-logging'));
}

/** GET /instances/transformations: List the transformations of the current instance */
export async function listCurrentInstanceTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const transformation = await unwrap(
    connected.GET('/instances/transformations'),
  );
  console.log(transformation);
}

/** DELETE /instances/transformations: Delete all transformations of the current instance */
export async function deleteCurrentInstanceTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(connected.DELETE('/instances/transformations'));
}

/** GET /instances/transformations/{objectName}: Get a transformation of the current instance */
export async function getCurrentInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    connected.GET('/instances/transformations/{objectName}', {
      params: { path: { objectName: 'myaccounts' } },
    }),
  );
  console.log(record);
}

/** PUT /instances/transformations/{objectName}: Replace a transformation of the current instance */
export async function replaceCurrentInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    connected.PUT('/instances/transformations/{objectName}', {
      params: { path: { objectName: 'myaccounts' } },
      body: {
        vendorName: 'Account',
        configuration: [
          {
            type: 'passThrough',
            properties: { fromVendor: false, toVendor: false },
          },
          { type: 'addToDocumentation' },
        ],
        fields: [
          { path: 'companyName', vendorPath: 'Name' },
          { path: 'number', vendorPath: 'AccountNumber' },
          { path: 'id', vendorPath: 'Id' },
          { path: 'description', vendorPath: 'Description' },
        ],
      },
    }),
  );
  console.log(record);
}

/** POST /instances/transformations/{objectName}: Create a transformation for the current instance */
export async function createCurrentInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    connected.POST('/instances/transformations/{objectName}', {
      params: { path: { objectName: 'myaccounts' } },
      body: {
        vendorName: 'Account',
        configuration: [
          {
            type: 'passThrough',
            properties: { fromVendor: false, toVendor: false },
          },
          { type: 'addToDocumentation' },
        ],
        fields: [
          { path: 'companyName', vendorPath: 'Name' },
          { path: 'number', vendorPath: 'AccountNumber' },
          { path: 'id', vendorPath: 'Id' },
          { path: 'description', vendorPath: 'Description' },
        ],
      },
    }),
  );
  console.log(record);
}

/** DELETE /instances/transformations/{objectName}: Delete a transformation of the current instance */
export async function deleteCurrentInstanceTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const connected = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    connected.DELETE('/instances/transformations/{objectName}', {
      params: { path: { objectName: 'myaccounts' } },
    }),
  );
}
