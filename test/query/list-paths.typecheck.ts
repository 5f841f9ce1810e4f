// Compiled by `npm run lint:ts`, never run: the union of list paths precomputed by `npm run generate`
// (generated/list-paths.d.ts) is exactly the set of GET paths whose answer is an array, as the types compute it.
import type { Client, ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { ListPaths } from '../../generated/list-paths.js';
import type { paths } from '../../generated/schema.js';
import type { ListPath } from '../../src/query/index.js';

type Computed = {
  [P in ClientPathsWithMethod<Client<paths>, 'get'>]: MethodResponse<
    Client<paths>,
    'get',
    P
  > extends readonly unknown[]
    ? P
    : never;
}[ClientPathsWithMethod<Client<paths>, 'get'>];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const precomputedMatches: Same<ListPaths, Computed> = true;

// Paths that are not the spec's (an instance's own types) get the mapping of ListPath, which must agree with the
// precomputed union: here the spec's paths less one, so that they are not taken for the spec's.
type Fewer = Omit<paths, '/usage'>;
export const mappedMatches: Same<ListPath<Fewer>, Exclude<ListPaths, '/usage'>> = true;
