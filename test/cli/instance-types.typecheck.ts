// Compiled by `npm run lint:ts` (tsc -p .), never run: a client typed by the types that `cloud-elements types`
// wrote for an sfdc instance of the emulator (fixtures/sfdc-instance.d.ts; test/cli/types.test.ts checks it is in
// step with the emulator's docs) knows that instance's own contacts, custom field and custom object. Every
// expected error below fails the build if its line compiles.
import { createClient, unwrap } from '../../src/client/index.js';
import { paginate } from '../../src/query/index.js';
import type { components, paths as SfdcInstancePaths } from './fixtures/sfdc-instance.js';

type Contact = components['schemas']['Contact'];

const ce = createClient({
  userSecret: 'u',
  organizationSecret: 'o',
  baseUrl: 'http://127.0.0.1:9/elements/api-v2',
});
const crm = ce.forInstance<SfdcInstancePaths>('element-token');

export async function instanceShapes(): Promise<void> {
  const { data } = await crm.GET('/hubs/crm/contacts', { params: { query: { pageSize: 50 } } });
  const contact = data?.[0];
  const color: string | undefined = contact?.Favorite_Color__c;
  const lastName: string | undefined = contact?.lastName;
  // The provider's own names, as Salesforce answers them, are there too.
  const id: string | undefined = contact?.Id;
  const sobject: string | undefined = contact?.attributes?.type;
  // @ts-expect-error a misspelt custom field
  void contact?.Favourite_Color__c;
  // @ts-expect-error a custom field read as another type
  const wrong: number | undefined = contact?.Favorite_Color__c;

  await unwrap(crm.POST('/hubs/crm/contacts', { body: { lastName: 'Lovelace', Favorite_Color__c: 'teal' } }));
  // openapi-fetch infers a body's type, so an unknown field in an inline body is let through: check the body
  // against the record type (`satisfies`) to catch a misspelt field there too.
  const body = { lastName: 'Lovelace', Favorite_Color__c: 'teal' } satisfies Contact;
  await unwrap(crm.POST('/hubs/crm/contacts', { body }));
  // @ts-expect-error a misspelt custom field in a body
  const misspelt = { lastName: 'Lovelace', Favourite_Color__c: 'teal' } satisfies Contact;

  const invoice = await unwrap(
    crm.POST('/hubs/crm/Invoice__c', { body: { Name: 'INV-1', Amount__c: 120.5 } }),
  );
  const amount: number | undefined = invoice.Amount__c;
  // @ts-expect-error a status the custom object does not have
  await crm.POST('/hubs/crm/Invoice__c', { body: { Name: 'INV-2', Status__c: 'Lost' } });
  // @ts-expect-error a path the instance does not have
  await crm.GET('/hubs/crm/Invoices__c');
  await crm.GET('/hubs/crm/Invoice__c/{id}', { params: { path: { id: 'a01000000000000001' } } });

  void [color, lastName, id, sobject, wrong, amount, misspelt];
}

// The untyped default stays as it was: the spec's hub paths.
export const plain = ce.forInstance('element-token').GET('/hubs/crm/contacts');

// paginate reads a list of the instance's own types: its records and its custom objects.
export async function instanceLists(): Promise<void> {
  for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 200 })) {
    const color: string | undefined = contact.Favorite_Color__c;
    // @ts-expect-error a misspelt custom field
    void contact.Favourite_Color__c;
    void color;
  }
  for await (const invoice of paginate(crm, '/hubs/crm/Invoice__c')) {
    const amount: number | undefined = invoice.Amount__c;
    void amount;
  }
  // @ts-expect-error a GET that answers one record, not a list
  void paginate(crm, '/hubs/crm/Invoice__c/{id}');
  // @ts-expect-error a list the instance does not have
  void paginate(crm, '/hubs/crm/Invoices__c');
}
