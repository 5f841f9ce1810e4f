import { ELEMENTS, HUBS, requireElement, requireHub, type CatalogElement } from '../model/catalog.js';
import type { Handlers, Schema } from './types.js';

/** The element as the API returns it (`GET /elements/{keyOrId}`, and inside instances). */
export function elementJson(element: CatalogElement): Schema<'Element'> {
  return {
    id: element.id,
    name: element.name,
    key: element.key,
    description: element.description,
    image: `elements/provider_${element.key}.png`,
    active: true,
    deleted: false,
    typeOauth: element.provision === 'oauth2',
    trialAccount: false,
    configDescription: `Connect your ${element.provider} account.`,
    resources: [],
    transformationsEnabled: true,
    bulkDownloadEnabled: true,
    bulkUploadEnabled: true,
    cloneable: true,
    extendable: true,
    beta: false,
    authentication: { type: 'oauth2' },
    extended: false,
    hub: element.hub,
    protocolType: 'http',
    parameters: [],
    private: false,
  };
}

/** Handlers of the elements and hubs catalogs. */
export function catalogHandlers(): Handlers {
  return {
    listElements: () => ({ json: ELEMENTS.map(elementJson) }),
    listElementKeys: () => ({ json: ELEMENTS.map((e) => e.key) }),
    getElement: (ctx) => ({ json: elementJson(requireElement(ctx.params.keyOrId ?? '')) }),
    listHubs: () => ({ json: HUBS }),
    listHubKeys: () => ({ json: HUBS.map((hub) => hub.key) }),
    getHub: (ctx) => ({ json: { ...requireHub(ctx.params.key ?? ''), active: true } }),
    listHubElements: (ctx) => {
      const hub = requireHub(ctx.params.key ?? '');
      return { json: ELEMENTS.filter((element) => element.hub === hub.key).map(elementJson) };
    },
  };
}
