// Bytes and web streams: the one UTF-8 encoder, and reading a web ReadableStream chunk by chunk (bulk uploads and
// results, webhook bodies).

/**
 * The SDK's one UTF-8 encoder. Typed by what it does: `./node`'s declarations reach the modules that use it, and
 * `TextEncoder` is no type name in a Node project without the DOM lib.
 */
export const encoder: { encode(text: string): Uint8Array<ArrayBuffer> } = /* @__PURE__ */ new TextEncoder();

/** The bytes of `chunks` in one array of `size` bytes, their sum. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/**
 * The chunks of a web `ReadableStream`, read through its reader: not every browser can iterate a stream with
 * `for await` yet. Stopping early (an early `return`, a `break` in `for await`) cancels the stream, which frees the
 * connection or file behind it.
 */
export async function* readStream<T>(stream: ReadableStream<T>): AsyncGenerator<T, void, undefined> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
