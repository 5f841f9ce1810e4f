import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CUSTOMIZATIONS } from '../../../src/testing/model/element-docs.js';
import { ELEMENTS } from '../../../src/testing/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operationId of a Swagger document, in document order. */
function operationIds(docs: any): string[] {
  return Object.values(docs.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
    (item) => METHODS.filter((m) => item[m]).map((m) => item[m]!.operationId),
  );
}

describe('GET /elements/{keyOrId}/docs', () => {
  test.each(ELEMENTS.map((element) => [element.key, element.hub]))(
    'serves a Swagger 2.0 document of %s under /elements/api-v2/hubs/%s',
    async (key, hub) => {
      const { status, body } = await emulator.call('GET', `/elements/${key}/docs`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        swagger: '2.0',
        basePath: `/elements/api-v2/hubs/${hub}`,
        schemes: ['http'],
      });
      expect(body.host).toBe(new URL(emulator.url).host);
      expect(body.paths['/ping'].get.parameters[0]).toMatchObject({ name: 'Authorization', in: 'header' });
      // Element docs are clean: one operation per id, every $ref defined.
      const ids = operationIds(body);
      expect(new Set(ids).size).toBe(ids.length);
      for (const ref of JSON.stringify(body).matchAll(/"#\/definitions\/([^"]+)"/g))
        expect(body.definitions).toHaveProperty([ref[1]!]);
    },
  );

  test('the documents element has multipart uploads and binary downloads', async () => {
    const { body } = await emulator.call('GET', '/elements/sfdcdocuments/docs');
    expect(body.paths['/files'].post.consumes).toEqual(['multipart/form-data']);
    expect(body.paths['/files'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'file', in: 'formData', type: 'file' }),
    );
    expect(body.paths['/files/{id}'].get.responses['200'].schema).toEqual({ type: 'file' });
  });

  test('?operationId= keeps that operation only; an unknown key or operation is a 404', async () => {
    const { body } = await emulator.call('GET', '/elements/sfdc/docs?operationId=getContactById');
    expect(Object.keys(body.paths)).toEqual(['/contacts/{id}']);
    expect(Object.keys(body.paths['/contacts/{id}'])).toEqual(['get']);
    expect((await emulator.call('GET', '/elements/nope/docs')).status).toBe(404);
    expect((await emulator.call('GET', '/elements/sfdc/docs?operationId=nope')).status).toBe(404);
  });
});

describe('GET /instances/{id}/docs', () => {
  test('adds the custom field and custom object of the instance, with the quirks real instance docs have', async () => {
    const instance = emulator.createInstance({ element: 'sfdc' });
    const { status, body } = await emulator.call('GET', `/instances/${instance.id}/docs`);
    expect(status).toBe(200);
    // Salesforce's own names, as the emulator answers them, are listed beside the stored ones.
    expect(body.definitions.Contact.properties).toMatchObject({
      Id: { type: 'string', 'x-readonly': true },
      LastName: { type: 'string' },
      attributes: { type: 'object' },
    });
    expect(body.definitions.Contact.properties.Favorite_Color__c).toEqual({
      type: 'string',
      description: 'Favorite color (custom field)',
    });
    const invoice = body.definitions.Invoice__c;
    expect(invoice.type).toBeUndefined();
    expect(invoice.properties.Amount__c.type).toBeUndefined();
    expect(invoice.properties.attributes).toEqual({ $ref: '#/definitions/SObjectAttributes' });
    expect(body.definitions.SObjectAttributes).toBeUndefined();
    expect(body.paths['/Invoice__c'].get.operationId).toBe('getByObjectName_Invoice__c');
    const ids = operationIds(body);
    expect(ids.filter((id) => id === 'getObjectsObjectNameMetadata')).toHaveLength(2);
  });

  test('the custom object and field are really stored, and fields found in records are discovered', async () => {
    const instance = emulator.createInstance({ element: 'sfdc' });
    const auth = emulator.hubAuth(instance.token);
    const created = await emulator.call('POST', '/hubs/crm/Invoice__c', {
      auth,
      body: { Name: 'INV-1', Amount__c: 120.5, Status__c: 'Sent' },
    });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^a01/);
    const read = await emulator.call('GET', `/hubs/crm/Invoice__c/${created.body.id}`, { auth });
    expect(read.body).toMatchObject({ Name: 'INV-1', Amount__c: 120.5 });
    const contact = await emulator.call('POST', '/hubs/crm/contacts', {
      auth,
      body: { lastName: 'Lovelace', Favorite_Color__c: 'teal', Shoe_Size__c: 38 },
    });
    expect(contact.body.Favorite_Color__c).toBe('teal');

    const { body } = await emulator.call('GET', `/instances/${instance.id}/docs`);
    expect(body.definitions.Contact.properties.Shoe_Size__c).toEqual({
      type: 'integer',
      format: 'int64',
      description: 'Discovered field',
    });
    // Another instance of the same element does not see them.
    const other = emulator.createInstance({ element: 'sfdc' });
    const fresh = await emulator.call('GET', `/instances/${other.id}/docs`);
    expect(fresh.body.definitions.Contact.properties.Shoe_Size__c).toBeUndefined();
  });

  test.each(Object.entries(CUSTOMIZATIONS))(
    'every element has a custom field and object: %s',
    async (key, custom) => {
      const instance = emulator.createInstance({ element: key });
      const { body } = await emulator.call('GET', `/instances/${instance.id}/docs`);
      expect(body.definitions[custom.object.name]).toBeDefined();
      expect(JSON.stringify(body.definitions)).toContain(`"${custom.field.name}"`);
      const required = Object.fromEntries(custom.object.resource.requiredOnCreate.map((f) => [f, 'x']));
      const created = await emulator.call(
        'POST',
        `/hubs/${ELEMENTS.find((e) => e.key === key)!.hub}/${custom.object.name}`,
        {
          auth: emulator.hubAuth(instance.token),
          body: required,
        },
      );
      expect(created.status).toBe(200);
    },
  );

  test('GET /instances/docs answers the docs of the token’s instance; an unknown id is a 404', async () => {
    const instance = emulator.createInstance({ element: 'marketo' });
    const own = await emulator.call('GET', '/instances/docs', { auth: emulator.hubAuth(instance.token) });
    expect(own.status).toBe(200);
    expect(own.body.definitions.subscription_c).toBeDefined();
    expect((await emulator.call('GET', '/instances/999999/docs')).status).toBe(404);
  });
});
