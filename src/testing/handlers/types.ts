import type { components, operations } from '../../../generated/schema.js';
import type { Reply, RequestContext } from '../server/types.js';

/** The id of a spec operation (`getInstance`, `listCrmContacts`, ...). */
export type OperationId = keyof operations & string;

/** A component schema of the spec, as generated/schema.d.ts types it. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON body of an operation's success answer, as the spec declares it (`never` when it has none). */
export type SuccessJson<K extends OperationId> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** What a handler of operation `K` answers: its `json` must be the body the spec declares for it. */
export type OperationReply<K extends OperationId> = Omit<Reply, 'json'> & { json?: SuccessJson<K> };

/** The handler of one operation. */
export type OperationHandler<K extends OperationId> = (
  ctx: RequestContext,
) => OperationReply<K> | Promise<OperationReply<K>>;

/**
 * Handlers keyed by operation id. Each is typed from generated/schema.d.ts: a handler whose answer the spec does
 * not allow does not compile. An operation without a handler answers the spec's example.
 */
export type Handlers = { [K in OperationId]?: OperationHandler<K> };
