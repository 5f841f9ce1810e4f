/**
 * The `./instances` entry: creating an instance without OAuth (API keys, basic credentials) and turning its event
 * notifications on or off.
 * @module cloud-elements-sdk/instances
 */
export { buildEventsConfiguration, createInstance, disableEvents, enableEvents } from './instances/index.js';
export type {
  CreateInstanceOptions,
  ElementKeyOrId,
  EnableEventsOptions,
  InstanceFields,
  PollerResourceConfiguration,
} from './instances/index.js';
