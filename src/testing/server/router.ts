import { EmulatorHttpError } from '../errors.js';
import type { Route } from './types.js';

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
  /** Index of the first parameter segment (the segment count when there is none). */
  firstParameter: number;
}

/** The route a request goes to, with its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route of a request among the API routes or the site pages. */
export interface Router {
  /** The route of `method` and `path`: 400 on bad percent-encoding, 404 when no path matches, 405 when no method does. */
  find(method: string, path: string, isApi: boolean): RouteMatch;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function compile(routes: Route[]): CompiledRoute[] {
  const compiled = routes.map((route) => {
    const segments = splitPath(route.path);
    const firstParameter = segments.findIndex((s) => s.startsWith('{'));
    return {
      route,
      segments,
      literals: segments.filter((s) => !s.startsWith('{')).length,
      firstParameter: firstParameter === -1 ? segments.length : firstParameter,
    };
  });
  // Literal segments win over parameters, as Cloud Elements routes (`/instances/configuration` before
  // `/instances/{id}`); between as many literals, the template whose parameters come later wins.
  return compiled.sort((a, b) => b.literals - a.literals || b.firstParameter - a.firstParameter);
}

function matchRoute(route: CompiledRoute, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, pattern] of route.segments.entries()) {
    const actual = segments[index]!;
    if (pattern.startsWith('{')) {
      try {
        params[pattern.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        throw new EmulatorHttpError(400, `The path segment '${actual}' is not valid percent-encoding.`);
      }
    } else if (pattern !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Compiles the routes: API routes (relative to `/elements/api-v2`) and site pages (`site: true`) apart. */
export function createRouter(routes: Route[]): Router {
  const api = compile(routes.filter((route) => !route.site));
  const site = compile(routes.filter((route) => route.site));
  return {
    find(method, path, isApi) {
      const segments = splitPath(path);
      const candidates = (isApi ? api : site)
        .map((route) => ({ route, params: matchRoute(route, segments) }))
        .filter((found) => found.params !== undefined);
      const withMethod = (wanted: string) => candidates.find((c) => c.route.route.method === wanted);
      // HEAD is a GET without the body (Node's server drops it), as Spring, which serves the API, answers it. Not
      // for the site's pages: the consent page's GET acts (it approves, and hands out a code).
      const found = withMethod(method) ?? (method === 'HEAD' && isApi ? withMethod('GET') : undefined);
      if (!found) {
        if (candidates.length === 0)
          throw new EmulatorHttpError(404, `No resource found for ${method} ${path}`);
        const methods = new Set(candidates.map((c) => c.route.route.method));
        if (isApi && methods.has('GET')) methods.add('HEAD');
        const allowed = [...methods].join(', ');
        throw new EmulatorHttpError(405, `Request method '${method}' not supported`, {
          headers: { Allow: allowed },
        });
      }
      return { route: found.route.route, params: found.params ?? {} };
    },
  };
}
