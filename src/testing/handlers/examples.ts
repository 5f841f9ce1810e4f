import { EmulatorHttpError } from '../errors.js';
import type { SpecOperation } from '../spec/document.js';
import type { Reply } from '../server/types.js';

/**
 * The answer of an operation the emulator has no handler for: the example the spec gives of its success answer
 * (JSON, or the text of a CSV or file example), or an empty 200 when the operation answers no body.
 * `undefined` when the spec gives no example to answer with.
 */
export function exampleReply(op: SpecOperation): Reply | undefined {
  const success = op.responses['200'];
  if (!success) return undefined;
  const entries = Object.entries(success.content);
  if (entries.length === 0) return {};
  const json = entries.find(([type]) => type === 'application/json' || type.endsWith('+json'));
  if (json && json[1].example !== undefined) return { json: json[1].example };
  for (const [type, media] of entries) {
    if (typeof media.example !== 'string') continue;
    return { bytes: media.example, contentType: type.includes('*') ? 'application/octet-stream' : type };
  }
  return undefined;
}

/** The 501 of an operation with neither a handler nor an example: it names the operation, so it is no fake 404. */
export function notImplemented(op: SpecOperation): never {
  throw new EmulatorHttpError(
    501,
    `The emulator does not implement ${op.operationId} (${op.method} ${op.path}): it has no handler for it and ` +
      'the spec gives no example to answer with.',
  );
}
