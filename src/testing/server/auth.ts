import { EmulatorHttpError } from '../errors.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance } from '../model/types.js';
import type { AuthLevel, Caller, RequestContext } from './types.js';

/** The parts of a Cloud Elements `Authorization` header. */
export interface AuthorizationParts {
  user?: string | undefined;
  organization?: string | undefined;
  element?: string | undefined;
}

const UNAUTHORIZED = 'Invalid Organization or User secret, or invalid Element token provided.';

/**
 * Parses `User <s>, Organization <s>, Element <t>` in any order. Returns `undefined` when the header does not
 * follow the grammar (unknown keyword, empty secret, a part given twice).
 */
export function parseAuthorizationHeader(header: string | undefined): AuthorizationParts | undefined {
  if (!header) return undefined;
  const parts: AuthorizationParts = {};
  for (const rawPart of header.split(',')) {
    const match = /^\s*(User|Organization|Element)\s+(\S+)\s*$/.exec(rawPart);
    if (!match) return undefined;
    const name = match[1]!.toLowerCase() as keyof AuthorizationParts;
    if (parts[name] !== undefined) return undefined;
    parts[name] = match[2]!;
  }
  return parts;
}

/**
 * Checks the `Authorization` header of a call against the state: 401 for missing or wrong credentials (or the token
 * of a deleted instance), 403 when the instance of the token is disabled.
 */
export function authenticate(
  ctx: RequestContext,
  state: EmulatorState,
  level: AuthLevel,
): Caller | undefined {
  if (level === 'none') return undefined;
  const rawHeader = ctx.headers.authorization;
  const header = Array.isArray(rawHeader) ? rawHeader[0] : rawHeader;
  if (level === 'optional' && header === undefined) return undefined;
  if (level === 'bearer') {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    const login = token === undefined ? undefined : state.loginTokens.get(token);
    const user = login === undefined ? undefined : state.users.find((candidate) => candidate.id === login);
    if (!user) throw new EmulatorHttpError(401, 'Invalid or expired login token.');
    return { user };
  }
  const parts = parseAuthorizationHeader(header);
  if (!parts?.user) throw new EmulatorHttpError(401, UNAUTHORIZED);
  const user = state.findUserBySecret(parts.user);
  if (!user) throw new EmulatorHttpError(401, UNAUTHORIZED);
  const organizationOk = parts.organization === state.organization.secret;
  if (level === 'platform' || level === 'optional') {
    if (!organizationOk) throw new EmulatorHttpError(401, UNAUTHORIZED);
    return { user };
  }
  if (parts.organization !== undefined && !organizationOk) throw new EmulatorHttpError(401, UNAUTHORIZED);
  if (parts.element === undefined) throw new EmulatorHttpError(401, UNAUTHORIZED);
  const instance = state.findInstanceByToken(parts.element);
  if (!instance) throw new EmulatorHttpError(401, UNAUTHORIZED);
  if (instance.disabled && level === 'instance') {
    throw new EmulatorHttpError(
      403,
      `The element instance ${instance.id} is disabled; enable it to make hub calls.`,
    );
  }
  return { user, instance };
}

/** The instance of a hub call (the route's `instance` auth guarantees it). */
export function callerInstance(ctx: RequestContext): EmulatorInstance {
  const instance = (ctx.caller as Caller | undefined)?.instance;
  if (!instance)
    throw new EmulatorHttpError(401, 'This call needs an Element token in the Authorization header.');
  return instance;
}
