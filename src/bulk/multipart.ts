/**
 * A `multipart/form-data` body written as a stream: text parts first, then one file part whose content is
 * pulled from a source only as fast as the request consumes it, so the file is never held whole.
 */

/** One form field with a text value. */
export type TextPart = { name: string; value: string; contentType?: string };

/** The file field: its bytes come from `content`, pulled on demand. */
export type FilePart = {
  name: string;
  fileName: string;
  contentType: string;
  content: AsyncIterator<Uint8Array>;
};

const encoder = new TextEncoder();

// Header values are quoted; escape as browsers do for form-data (WHATWG HTML "multipart/form-data encoding").
function quote(value: string): string {
  return value.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A boundary that cannot plausibly occur in the content: 32 random hex digits. */
export function createBoundary(): string {
  return `----CloudElementsSdk${crypto.randomUUID().replaceAll('-', '')}`;
}

/**
 * Builds the body stream. Each `pull` hands over at most one chunk, so memory holds a chunk or two whatever the
 * file size. Cancelling the stream (an aborted request) closes the file source.
 */
export function createMultipartStream(
  boundary: string,
  fields: TextPart[],
  file: FilePart,
): ReadableStream<Uint8Array> {
  let head = '';
  for (const field of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(field.name)}"\r\n`;
    if (field.contentType) head += `Content-Type: ${field.contentType}\r\n`;
    head += `\r\n${field.value}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.fileName)}"\r\n` +
    `Content-Type: ${file.contentType}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  let stage: 'head' | 'file' | 'done' = 'head';

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (stage === 'head') {
          stage = 'file';
          controller.enqueue(encoder.encode(head));
          return;
        }
        if (stage === 'file') {
          // Skip empty chunks so that every pull makes progress.
          for (;;) {
            const next = await file.content.next();
            if (next.done) break;
            if (next.value.length > 0) {
              controller.enqueue(next.value);
              return;
            }
          }
          stage = 'done';
          controller.enqueue(encoder.encode(tail));
          controller.close();
        }
      },
      async cancel(reason) {
        stage = 'done';
        await file.content.return?.(reason);
      },
    },
    // One queued chunk: the source is read only when the request has taken the previous one.
    { highWaterMark: 1 },
  );
}
