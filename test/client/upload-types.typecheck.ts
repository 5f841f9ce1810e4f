// Compiled by `npm run lint:ts`, never run: an upload's multipart body is typed as the FormData that is sent, for
// the spec's paths and an instance's own; the form's parts as the spec names them (binary parts as strings) are
// no body, since the client would send them as JSON. Each @ts-expect-error fails the build if its line compiles.
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
const parts = { file: 'hello' };

void documents.POST('/hubs/documents/files', { params, body: form });
void documents.POST('/hubs/crm/files', { body: form });
// @ts-expect-error the parts as the spec names them: sent as JSON, which the API refuses (415)
void documents.POST('/hubs/documents/files', { params, body: parts });
// @ts-expect-error the same for any upload of the spec
void documents.POST('/hubs/crm/files', { body: parts });
// A JSON body stays typed as the spec's record.
void documents.POST('/hubs/crm/contacts', { body: { lastName: 'Lovelace' } });
// @ts-expect-error a JSON body still checks its fields
void documents.POST('/hubs/crm/contacts', { body: { lastName: 42 } });

// An instance's own paths (as `cloud-elements types --instance` writes them) get the same.
type InstancePaths = Pick<paths, '/hubs/documents/files' | '/hubs/crm/contacts'>;
const own = ce.forInstance<InstancePaths>('t');
void own.POST('/hubs/documents/files', { params, body: form });
// @ts-expect-error the parts as the spec names them
void own.POST('/hubs/documents/files', { params, body: parts });
