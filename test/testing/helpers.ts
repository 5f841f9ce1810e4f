import { expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/testing/index.js';
import { loadSpecValidator } from '../helpers/spec-validator.js';

/** One answer of the emulator, read and checked against the spec. */
export type ApiResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON (or `as: 'text'`). */
  body: any;
  text: string;
  bytes: Buffer;
};

export type CallOptions = {
  /** Authorization header value; `null` sends none. @default platform credentials of the first user */
  auth?: string | null;
  /** JSON body (objects) or a raw body (FormData, string, Buffer). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Validate and return the body as text (NDJSON, CSV, binary downloads). */
  as?: 'text';
  /** Skip the spec check (for calls outside the spec, which must then say why). */
  unchecked?: string;
};

/** The emulator plus a `call` that sends real HTTP and checks every answer against the spec. */
export type TestEmulator = Emulator & {
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** Authorization of hub calls for an element token. */
  hubAuth(token: string): string;
};

/** Starts an emulator for a test; close it in `afterEach`. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator(options);
  const spec = await loadSpecValidator();
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? emulator.credentials.authorization() : options.auth;
    if (auth !== null) headers.Authorization = auth;
    let body: BodyInit | undefined;
    if (
      options.body instanceof FormData ||
      typeof options.body === 'string' ||
      Buffer.isBuffer(options.body)
    ) {
      body = options.body as BodyInit;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${emulator.url}${path}`, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const contentType = response.headers.get('content-type') ?? undefined;
    let parsed: unknown = text;
    const wantsText = options.as === 'text' && response.ok;
    if (!wantsText && contentType?.startsWith('application/json') && text !== '') parsed = JSON.parse(text);
    // Every answer carries Elements-Request-Id; error bodies repeat it.
    const requestId = response.headers.get('elements-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{24}$/);
    if (response.status >= 400) expect((parsed as { requestId?: string }).requestId).toBe(requestId);
    if (!options.unchecked) {
      const problems = spec.validateResponse({
        method,
        path: path.split('?')[0]!,
        status: response.status,
        contentType: contentType?.split(';')[0],
        body: text === '' ? undefined : parsed,
      });
      expect(problems, `${method} ${path} → ${response.status} ${text.slice(0, 300)}`).toEqual([]);
    }
    return { status: response.status, headers: response.headers, body: parsed, text, bytes };
  };
  const closeServer = emulator.close;
  return Object.assign(emulator, {
    call,
    hubAuth: (token: string) => emulator.credentials.authorization(token),
    // Everything the emulator POSTed out (event notifications, bulk callbacks) must match a webhook of the spec.
    close: async () => {
      await emulator.settle();
      await closeServer();
      for (const delivery of emulator.state.deliveries) {
        const payload = JSON.parse(delivery.body) as Record<string, unknown>;
        // Event notifications wrap their events in `message`; asynchronous request results carry `response`; bulk
        // job callbacks are the job's status report.
        const webhook =
          'message' in payload
            ? 'eventNotification'
            : 'response' in payload
              ? 'asyncRequestCallback'
              : 'bulkJobCallback';
        const problems = spec.validateWebhook(payload, webhook);
        expect(problems, `webhook to ${delivery.url}: ${delivery.body.slice(0, 300)}`).toEqual([]);
      }
    },
  });
}

/**
 * A `fetch` for SDK clients pointed at the emulator: checks every answer against the spec (like `call`) and
 * pushes what is wrong to `problems`, which the test then expects to stay empty.
 */
export async function specCheckedFetch(problems: string[]): Promise<(request: Request) => Promise<Response>> {
  const spec = await loadSpecValidator();
  return async (request) => {
    const response = await fetch(request);
    const text = await response.clone().text();
    const contentType = response.headers.get('content-type')?.split(';')[0];
    const path = new URL(request.url).pathname.replace(/^\/elements\/api-v2/, '');
    let body: unknown = text === '' ? undefined : text;
    // Bulk downloads are NDJSON under application/json: those stay text, as `call(..., { as: 'text' })` keeps them.
    if (contentType === 'application/json' && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const found = spec.validateResponse({
      method: request.method,
      path,
      status: response.status,
      contentType,
      body,
    });
    problems.push(...found.map((problem) => `${request.method} ${path} → ${response.status}: ${problem}`));
    return response;
  };
}

/** Builds a `multipart/form-data` body with a `file` part (and a JSON `metaData` part when given). */
export function fileForm(
  content: string | Uint8Array,
  filename: string,
  type: string,
  metaData?: unknown,
): FormData {
  const form = new FormData();
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  form.append('file', new Blob([part], { type }), filename);
  if (metaData !== undefined) form.append('metaData', JSON.stringify(metaData));
  return form;
}
