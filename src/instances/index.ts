// Instances: creating one (`POST /instances`) and turning its event notifications on or off.
export {
  checkElementKey,
  checkInstanceFields,
  checkInstanceId,
  checkOptionalObject,
  createInstance,
  instanceBody,
  instanceSecrets,
} from './create.js';
export type { CreateInstanceOptions } from './create.js';
export { buildEventsConfiguration, disableEvents, enableEvents } from './events.js';
export type { EnableEventsOptions, PollerResourceConfiguration } from './events.js';
export type { ElementKeyOrId, Instance, InstanceConfiguration, InstanceFields } from './types.js';
