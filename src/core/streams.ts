// Reading a web ReadableStream chunk by chunk: bulk uploads and results, and webhook bodies.

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
