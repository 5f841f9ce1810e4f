// Compiled by `npm run lint:ts`, never run: what `paginate` and `paginatePages` accept and give, in types. An
// expected error below fails the build if its line compiles.
import createOpenapiFetch from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { createClient } from '../../src/client/index.js';
import { paginate, paginatePages, type ListPath, type ListRecord } from '../../src/query/index.js';

const ce = createClient({ userSecret: 'u', organizationSecret: 'o' });
const crm = ce.forInstance('element-token');

export async function typed(): Promise<void> {
  // Records have the type of the list's items in the spec, on the client and on its instance clients.
  for await (const instance of paginate(ce, '/instances', { pageSize: 50 })) {
    const name: string | undefined = instance.name;
    // @ts-expect-error the spec's instance name is text (the record stays open to fields the spec does not name)
    const wrong: number | undefined = instance.name;
    void wrong;
    void name;
  }
  for await (const page of paginatePages(crm, '/hubs/{hub}/{objectName}', {
    params: { path: { hub: 'crm', objectName: 'contacts' }, query: { where: "lastName = 'Lovelace'" } },
    limit: 1000,
  })) {
    const id: string | number | undefined = page.records[0]?.id;
    const token: string | undefined = page.nextPageToken;
    void [id, token];
  }
  // The same client with call options set keeps its paths.
  void paginate(ce.withOptions({ timeoutMs: 5_000 }), '/instances');

  // @ts-expect-error the path's parameters are required, so the options are too
  void paginate(crm, '/hubs/{hub}/{objectName}');
  // @ts-expect-error a path parameter is missing
  void paginate(crm, '/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm' } } });
  // @ts-expect-error a query parameter the list does not have
  void paginate(ce, '/instances', { params: { query: { noSuchParameter: 1 } } });
  // @ts-expect-error a paging option of the wrong type
  void paginate(ce, '/instances', { pageSize: '50' });
  // @ts-expect-error a GET that answers one record, not a list
  void paginate(crm, '/hubs/crm/contacts/{id}', { params: { path: { id: '1' } } });
  // @ts-expect-error a path the spec lacks
  void paginatePages(ce, '/no/such/list');
  // @ts-expect-error a plain openapi-fetch client: it has neither the SDK's transport nor its errors
  void paginate(createOpenapiFetch<paths>(), '/instances');
}

// The list types take the paths, not a client's type (which would give `never` without a word).
type Instance = ListRecord<paths, '/instances'>;
export const instanceName = (instance: Instance): string => instance.name;
export const listPath: ListPath<paths> = '/hubs/{hub}/{objectName}';
// @ts-expect-error a client's type where the paths go
export type FromClient = ListRecord<typeof crm, '/hubs/crm/contacts'>;
