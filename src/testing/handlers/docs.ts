import { EmulatorHttpError } from '../errors.js';
import { findElement, requireElement } from '../model/catalog.js';
import { CUSTOMIZATIONS, elementDocs, instanceDocs, type SwaggerDocument } from '../model/element-docs.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance } from '../model/types.js';
import type { RequestContext } from '../server/types.js';
import type { Handlers } from './types.js';

/** Keeps only the operation `operationId` (the `operationId` query parameter); 404 when there is none. */
function onlyOperation(docs: SwaggerDocument, operationId: string | null): SwaggerDocument {
  if (operationId === null || operationId === '') return docs;
  const paths: SwaggerDocument['paths'] = {};
  for (const [path, item] of Object.entries(docs.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId) (paths[path] ??= {})[method] = operation;
    }
  }
  if (Object.keys(paths).length === 0)
    throw new EmulatorHttpError(404, `No operation with operationId ${operationId} in these docs.`);
  return { ...docs, paths };
}

/**
 * Handlers of the API docs of elements and instances (Swagger 2.0, see model/element-docs.ts). Registers the custom
 * object of each element's instances with the hub's record resources, so that an instance really stores what its
 * docs describe.
 */
export function docsHandlers(state: EmulatorState): Handlers {
  for (const [key, custom] of Object.entries(CUSTOMIZATIONS)) {
    const hub = findElement(key)?.hub;
    if (hub === undefined) continue;
    const resources = (state.hubResources[hub] ??= {});
    resources[custom.object.name] ??= custom.object.resource;
  }

  const serve = (instance: EmulatorInstance, ctx: RequestContext) => {
    const element = requireElement(instance.elementKey);
    const docs = instanceDocs(element, instance, ctx.origin, (resource) =>
      state.records(instance.id, resource).values(),
    );
    return { json: onlyOperation(docs, ctx.query.get('operationId')) };
  };
  const byId = (ctx: RequestContext): EmulatorInstance => {
    const id = ctx.params.id ?? '';
    const instance = /^\d+$/.test(id) ? state.instances.get(Number(id)) : undefined;
    if (!instance) throw new EmulatorHttpError(404, `No instance found with ID ${id}`);
    return instance;
  };
  const own = (ctx: RequestContext): EmulatorInstance => {
    const instance = ctx.caller?.instance;
    if (!instance)
      throw new EmulatorHttpError(401, 'This call needs an Element token in the Authorization header.');
    return instance;
  };

  return {
    getElementDocs: (ctx) => {
      const element = requireElement(ctx.params.keyOrId ?? '');
      const docs = elementDocs(element, ctx.origin);
      return { json: onlyOperation(docs, ctx.query.get('operationId')) };
    },
    getInstanceDocs: (ctx) => serve(byId(ctx), ctx),
    getCurrentInstanceDocs: (ctx) => serve(own(ctx), ctx),
  };
}
