import type { EmulatorSpecDocument, SpecOperation, SpecSchema } from '../../../generated/emulator-spec.js';
import { SchemaValidator } from './schema.js';

export type {
  EmulatorSpecDocument,
  SpecAuth,
  SpecMedia,
  SpecOperation,
  SpecParameter,
  SpecSchema,
} from '../../../generated/emulator-spec.js';

/** The bundled spec as the emulator uses it: its operations, by id, and a validator of its schemas. */
export class EmulatorSpec {
  readonly operations: readonly SpecOperation[];
  readonly validator: SchemaValidator;
  readonly #byId: Map<string, SpecOperation>;
  readonly #answerProperties = new Map<string, Map<string, SpecSchema[]>>();

  constructor(document: EmulatorSpecDocument) {
    this.operations = document.operations;
    this.validator = new SchemaValidator(document.components.schemas);
    this.#byId = new Map(document.operations.map((op) => [op.operationId, op]));
  }

  /** The operation with this id, or `undefined`. */
  operation(operationId: string): SpecOperation | undefined {
    return this.#byId.get(operationId);
  }

  /**
   * The properties the JSON schema of an operation's success answer declares (of its items, for a list), with
   * their schemas, following `$ref` and `allOf`.
   */
  answerProperties(op: SpecOperation): ReadonlyMap<string, readonly SpecSchema[]> {
    let found = this.#answerProperties.get(op.operationId);
    if (found) return found;
    found = new Map();
    const visit = (schema: SpecSchema | undefined, depth: number): void => {
      if (typeof schema !== 'object' || depth > 20) return;
      if (typeof schema.$ref === 'string') visit(this.validator.resolve(schema.$ref), depth + 1);
      if (schema.type === 'array' || schema.items !== undefined) visit(schema.items as SpecSchema, depth + 1);
      for (const part of (schema.allOf as SpecSchema[] | undefined) ?? []) visit(part, depth + 1);
      for (const [name, property] of Object.entries(
        (schema.properties ?? {}) as Record<string, SpecSchema>,
      )) {
        found!.set(name, [...(found!.get(name) ?? []), property]);
      }
    };
    visit(mediaFor(op.responses['200']?.content ?? {}, 'application/json')?.schema, 0);
    this.#answerProperties.set(op.operationId, found);
    return found;
  }
}

/** The entry of `content` for a media type the way servers match it: exact, then `type/*`, then `*\/*`. */
export function mediaFor<T>(content: Record<string, T>, contentType: string): T | undefined {
  const wanted = contentType.split(';')[0]!.trim().toLowerCase();
  for (const candidate of [wanted, `${wanted.split('/')[0]}/*`, '*/*']) {
    if (Object.hasOwn(content, candidate)) return content[candidate];
  }
  return undefined;
}

let loading: Promise<EmulatorSpec> | undefined;

/**
 * Loads generated/emulator-spec.js (written by `npm run generate`) once per process. Loaded on first use, so that
 * importing the emulator stays cheap.
 */
export function loadEmulatorSpec(): Promise<EmulatorSpec> {
  loading ??= import('../../../generated/emulator-spec.js').then(
    (module) => new EmulatorSpec(module.default),
  );
  return loading;
}
