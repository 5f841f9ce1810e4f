// Types shared by the instance modules and by oauth/; imports no module of its own folder.
import type { components } from '../../generated/schema.js';

/** The spec's schemas by name. */
export type Schemas = components['schemas'];
/** An element instance, as Cloud Elements returns it (with its element `token` when created). */
export type Instance = Schemas['Instance'];
/** Instance configuration as sent in create and update bodies. */
export type InstanceConfiguration = Schemas['InstanceConfigurationInput'];

/** Fields of a new instance besides the element and the credentials. */
export type InstanceFields = {
  /** Instance name, e.g. `Acme Salesforce`. */
  name: string;
  /** Tags, for finding the instance later (`GET /instances?tags[]=…`). */
  tags?: string[] | undefined;
  /** Element-specific configuration (`base.url`, `event.notification.enabled`, …). */
  configuration?: InstanceConfiguration | undefined;
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
};

/** An element key (`sfdc`) or numeric element id. */
export type ElementKeyOrId = string | number;
