import { ELEMENTS, HUBS, requireElement, requireHub, type CatalogElement } from '../model/catalog.js';
import type { Reply, Route } from '../server/types.js';

/** The element as the API returns it (`GET /elements/{keyOrId}`, and inside instances). */
export function elementJson(element: CatalogElement): Record<string, unknown> {
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

/** Routes of the elements and hubs catalogs. */
export function catalogRoutes(): Route[] {
  const json = (value: unknown): Reply => ({ json: value });
  return [
    { method: 'GET', path: '/elements', auth: 'platform', handle: () => json(ELEMENTS.map(elementJson)) },
    {
      method: 'GET',
      path: '/elements/keys',
      auth: 'platform',
      handle: () => json(ELEMENTS.map((e) => e.key)),
    },
    {
      method: 'GET',
      path: '/elements/{keyOrId}',
      auth: 'platform',
      handle: (ctx) => json(elementJson(requireElement(ctx.params.keyOrId ?? ''))),
    },
    { method: 'GET', path: '/hubs', auth: 'platform', handle: () => json(HUBS) },
    { method: 'GET', path: '/hubs/keys', auth: 'platform', handle: () => json(HUBS.map((hub) => hub.key)) },
    {
      method: 'GET',
      path: '/hubs/{key}',
      auth: 'platform',
      handle: (ctx) => json({ ...requireHub(ctx.params.key ?? ''), active: true }),
    },
    {
      method: 'GET',
      path: '/hubs/{key}/elements',
      auth: 'platform',
      handle: (ctx) => {
        const hub = requireHub(ctx.params.key ?? '');
        return json(ELEMENTS.filter((element) => element.hub === hub.key).map(elementJson));
      },
    },
  ];
}
