// Compiled by `npm run lint:ts`, never run: what `unwrap` takes and gives, in types. Each @ts-expect-error fails the
// build if its line compiles.
import { createClient, unwrap } from '../../src/client/index.js';

const ce = createClient({ userSecret: 'u', organizationSecret: 'o' });

export async function typed(): Promise<void> {
  // A call's promise: the record type of the spec.
  const instance = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 1 } } }));
  const name: string | undefined = instance.name;
  // @ts-expect-error the spec's instance name is text (the record stays open to fields the spec does not name)
  const wrong: number | undefined = instance.name;
  void wrong;
  // The settled result, and any thenable of one (a PromiseLike that is not a Promise), give the same type.
  const result = await ce.GET('/instances/{id}', { params: { path: { id: 1 } } });
  const fromResult = await unwrap(result);
  const thenable: PromiseLike<typeof result> = { then: (resolve) => Promise.resolve(result).then(resolve) };
  const fromThenable = await unwrap(thenable);
  const same: [typeof fromResult, typeof fromThenable] = [instance, instance];
  void [name, same];
}
