import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorInstance, EmulatorUser } from '../model/types.js';
import type { SpecOperation } from '../spec/document.js';

/**
 * What a route requires: nothing; `User` + `Organization` (`optional`: only checked when sent); `User` + `Element`
 * (`Organization` optional) of an enabled instance (`instance`, hub calls); the same of any instance, disabled ones
 * included (`token`, the token-scoped platform calls such as `PUT /instances/enabled`); or a login token
 * (`bearer`, `Authorization: Bearer <token>`).
 */
export type AuthLevel = 'none' | 'platform' | 'optional' | 'instance' | 'token' | 'bearer';

/** What a handler answers: JSON (`json`), raw bytes or text (`bytes`), or nothing. */
export interface Reply {
  /** @default 200 */
  status?: number | undefined;
  json?: unknown | undefined;
  bytes?: Buffer | string | undefined;
  /** Content type of `bytes`. @default 'application/octet-stream' */
  contentType?: string | undefined;
  headers?: Record<string, string> | undefined;
  /**
   * A component schema of the spec (`HubAsyncRequestAccepted`) that strict mode checks the answer against in place
   * of the operation's success answer: for answers the spec describes apart from the operation.
   */
  schema?: string | undefined;
}

/** An answer ready to go on the wire: status, headers (`Content-Length` included) and body bytes. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  payload: Buffer;
}

/** Who made an authenticated call: the user, and for hub calls the instance of the element token. */
export interface Caller {
  user: EmulatorUser;
  instance?: EmulatorInstance | undefined;
}

/** One request as handlers see it. */
export interface RequestContext {
  readonly method: string;
  /** Path without the query string and without the API base (`/elements/api-v2`), e.g. `/instances/12`. */
  readonly path: string;
  /** Decoded path parameters of the matched route. */
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly requestId: string;
  /** Origin of the emulator, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  caller?: Caller | undefined;
  /** The spec operation of the call (API calls). */
  readonly operation?: SpecOperation | undefined;
  /** The raw request body (read once, then cached). */
  body(): Promise<Buffer>;
  /** The body parsed as JSON (once, then cached); a 400 error when it is not JSON. */
  json(): Promise<unknown>;
}

/** One route of the emulator. */
export interface Route {
  method: string;
  /** Path template; `{name}` matches one segment. Relative to `/elements/api-v2` unless `site` is set. */
  path: string;
  auth: AuthLevel;
  /** A page outside the API (the provider's consent page): absolute path, no faults. */
  site?: boolean | undefined;
  /**
   * The spec operation this route answers (every API route has one): its parameters and JSON body are checked
   * before `handle` runs, and in strict mode its answers are checked too.
   */
  operation?: SpecOperation | undefined;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}
