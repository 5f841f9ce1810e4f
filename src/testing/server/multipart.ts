import { EmulatorHttpError } from '../errors.js';

/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  name: string;
  filename?: string | undefined;
  contentType?: string | undefined;
  data: Buffer;
}

function boundaryOf(contentType: string | undefined): string {
  const type = contentType ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new EmulatorHttpError(
      415,
      `Content type '${type || 'none'}' not supported; send multipart/form-data.`,
    );
  }
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new EmulatorHttpError(400, 'The multipart/form-data Content-Type has no boundary.');
  return boundary;
}

function parsePartHeaders(text: string): Omit<MultipartPart, 'data'> {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-type') contentType = value;
    if (header === 'content-disposition') {
      name = /;\s*name="([^"]*)"/i.exec(value)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(value)?.[1];
      filename = /;\s*filename="([^"]*)"/i.exec(value)?.[1] ?? /;\s*filename=([^;\s]+)/i.exec(value)?.[1];
    }
  }
  if (name === undefined)
    throw new EmulatorHttpError(400, 'A multipart part has no Content-Disposition name.');
  return { name, ...(filename === undefined ? {} : { filename }), ...(contentType ? { contentType } : {}) };
}

/** Parses a `multipart/form-data` body: 415 when it is another type, 400 when it is malformed. */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new EmulatorHttpError(400, 'The multipart body does not contain its boundary.');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body.subarray(at, at + 2).toString() === '\r\n') at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) throw new EmulatorHttpError(400, 'A multipart part has no end of headers.');
    const headers = parsePartHeaders(body.subarray(at, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new EmulatorHttpError(400, 'The multipart body ends before its closing boundary.');
    parts.push({ ...headers, data: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
}
