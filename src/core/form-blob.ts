// A form as one Blob of its multipart/form-data encoding, without reading its files: what a retry sends again.

/** A name or file name inside the quotes of a Content-Disposition header, escaped as browsers and fetch do. */
function quoted(text: string): string {
  return text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** Line breaks as CRLF, as a form's names and text values are sent. */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * The multipart/form-data encoding of `form` as a Blob, and the Content-Type that names its boundary. Its files
 * stay where they are (a file opened with `openAsBlob` is read from disk as the Blob is sent), so a large upload is
 * not held in memory; and a Blob, unlike the form, is sent again byte for byte, also when fetch follows a 307 or
 * 308 (Node's fetch encodes a form afresh there, with a boundary its Content-Type does not name).
 */
export function formBlob(form: FormData): { blob: Blob; contentType: string } {
  const boundary = `----CloudElementsFormBoundary${crypto.randomUUID().replace(/-/g, '')}`;
  const parts: BlobPart[] = [];
  form.forEach((value, name) => {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(crlf(name))}"`;
    if (typeof value === 'string') {
      // A Blob writes its strings as UTF-8.
      parts.push(`${head}\r\n\r\n${crlf(value)}\r\n`);
      return;
    }
    head += `; filename="${quoted(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}`;
    parts.push(`${head}\r\n\r\n`, value, '\r\n');
  });
  parts.push(`--${boundary}--\r\n`);
  return { blob: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
