// Compiled by `npm run lint:ts`, never run: an upload takes the FormData it sends as its body, for the spec's paths
// and an instance's own, while the client stays openapi-fetch's Client (its parts with a bodySerializer, as
// openapi-fetch documents uploads, still type-check). Each @ts-expect-error fails the build if its line compiles.
import type { Client, MethodResponse } from 'openapi-fetch';
import { createClient } from '../../src/client/index.js';
import type { paths } from '../../generated/schema.js';

const ce = createClient({
  userSecret: 'u',
  organizationSecret: 'o',
  baseUrl: 'http://127.0.0.1:9/elements/api-v2',
});
const documents = ce.forInstance('t');
const form = new FormData();
form.append('file', new Blob(['hello']), 'hello.txt');
const params = { query: { path: '/hello.txt' } };

void documents.POST('/hubs/documents/files', { params, body: form });
void documents.POST('/hubs/crm/files', { body: form });
void documents.PATCH('/hubs/marketing/files/{id}/content', { params: { path: { id: 'f1' } }, body: form });
// The answer is typed as the spec's, either way.
async function uploaded() {
  const { data } = await documents.POST('/hubs/documents/files', { params, body: form });
  const id: string | number | undefined = data?.id;
  return id;
}
void uploaded;
// openapi-fetch's own way: the parts as typed, the form from a bodySerializer.
void documents.POST('/hubs/documents/files', { params, body: { file: 'hello' }, bodySerializer: () => form });
// @ts-expect-error neither the form nor its parts
void documents.POST('/hubs/documents/files', { params, body: 'hello' });
// @ts-expect-error an upload still needs its required parameters
void documents.POST('/hubs/documents/files', { body: form });

// An instance's own paths (as `cloud-elements types --instance` writes them) get the same.
type InstancePaths = Pick<paths, '/hubs/documents/files' | '/hubs/crm/contacts'>;
const own = ce.forInstance<InstancePaths>('t');
void own.POST('/hubs/documents/files', { params, body: form });

// Still an openapi-fetch client, for libraries and helpers typed with its Client.
const plain: Client<paths> = documents;
type Contacts = MethodResponse<typeof documents, 'get', '/hubs/crm/contacts'>;
const contacts: Contacts = [{ lastName: 'Lovelace' }];
void plain;
void contacts;
