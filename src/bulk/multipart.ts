/**
 * The `multipart/form-data` body of a bulk upload, written as a stream: the JSON `metaData` part first, then the
 * file part, whose content is pulled from a source only as fast as the request consumes it, so the file is never
 * held whole.
 */
import { encoder } from '../core/index.js';

/** The file field: its bytes come from `content`, pulled on demand. */
export type FilePart = {
  fileName: string;
  contentType: string;
  content: AsyncIterator<Uint8Array>;
};

/**
 * Builds the body stream and its `Content-Type` (which names the boundary). Each `pull` hands over at most one
 * chunk, so memory holds a chunk or two whatever the file size. Cancelling the stream (an aborted request) closes
 * the file source.
 */
export function createMultipartBody(
  metaData: string,
  file: FilePart,
): { contentType: string; body: ReadableStream<Uint8Array> } {
  // A boundary that cannot plausibly occur in the content: 32 random hex digits.
  const boundary = `----CloudElementsSdk${crypto.randomUUID().replaceAll('-', '')}`;
  const part = `--${boundary}\r\nContent-Disposition: form-data; name=`;
  // The file name is quoted; escape it as browsers do for form-data (WHATWG HTML "multipart/form-data encoding").
  const fileName = file.fileName.replace(/["\r\n]/g, (char) => encodeURIComponent(char));
  const head =
    `${part}"metaData"\r\nContent-Type: application/json\r\n\r\n${metaData}\r\n` +
    `${part}"file"; filename="${fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        // Skip empty chunks so that every pull makes progress.
        for (;;) {
          const next = await file.content.next();
          if (next.done) {
            controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          if (next.value.length > 0) {
            controller.enqueue(next.value);
            return;
          }
        }
      },
      async cancel(reason) {
        await file.content.return?.(reason);
      },
    },
    // One queued chunk: the source is read only when the request has taken the previous one.
    { highWaterMark: 1 },
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}
