// Checked by `tsc --noEmit -p .` (npm run lint:ts), never run: a handler whose answer the spec does not allow does
// not compile, because `Handlers` types each operation's handler from generated/schema.d.ts.
import type { Handlers } from '../../../src/testing/handlers/types.js';

export const right: Handlers = {
  listElementKeys: () => ({ json: ['sfdc', 'concur'] }),
  pingHub: () => ({ json: { dateTime: '2018-04-23T17:29:14Z', endpoint: 'sfdc' } }),
  deleteInstance: () => ({}),
};

export const wrong: Handlers = {
  // @ts-expect-error pingHub answers a HubPing: dateTime is a string
  pingHub: () => ({ json: { dateTime: 1, endpoint: 'sfdc' } }),
  // @ts-expect-error listElementKeys answers a list of keys, not one
  listElementKeys: () => ({ json: 'sfdc' }),
  // @ts-expect-error deleteInstance answers no body
  deleteInstance: () => ({ json: { deleted: true } }),
};
