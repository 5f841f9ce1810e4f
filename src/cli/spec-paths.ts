// The spec's path templates (generated/cli-paths.js, written by `npm run generate`): which template a concrete
// path is, and the nearest one when it is none.
import specPaths, { type CliPathAuth } from '../../generated/cli-paths.js';

/** A template of the spec that a concrete path matches. */
export interface PathMatch {
  template: string;
  methods: Readonly<Record<string, CliPathAuth>>;
  /** Literal (non-parameter) segments: the more, the more specific. */
  literals: number;
}

const split = (path: string) => path.split('/').filter((segment) => segment !== '');
const isParameter = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** The templates `path` matches, most specific first (literal segments win, as Cloud Elements routes). */
export function matchPath(path: string, paths = specPaths): PathMatch[] {
  const segments = split(path);
  const found: PathMatch[] = [];
  for (const [template, methods] of paths) {
    const pattern = split(template);
    if (pattern.length !== segments.length) continue;
    if (pattern.every((part, i) => isParameter(part) || part === segments[i])) {
      found.push({ template, methods, literals: pattern.filter((part) => !isParameter(part)).length });
    }
  }
  return found.sort((a, b) => b.literals - a.literals);
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A template with the concrete path's segments in place of its parameters, where they line up. */
function fill(template: string, segments: string[]): string {
  const pattern = split(template);
  return `/${pattern.map((part, i) => (isParameter(part) && segments[i] !== undefined ? segments[i] : part)).join('/')}`;
}

/**
 * The spec paths nearest to `path`, as `path` would be written with them (parameters filled in from `path`),
 * nearest first. `literalsOnly` skips templates that are all parameters after their first segments (such as
 * `/hubs/{hub}/{objectName}`), which match anything and so say nothing about a typo.
 */
export function nearestPaths(
  path: string,
  options: { limit?: number; literalsOnly?: boolean } = {},
): string[] {
  const segments = split(path);
  const scored: Array<{ filled: string; distance: number }> = [];
  for (const [template] of specPaths) {
    const pattern = split(template);
    if (options.literalsOnly && pattern.slice(2).every(isParameter)) continue;
    const filled = fill(template, segments);
    if (filled === path) continue;
    scored.push({ filled, distance: editDistance(path, filled) });
  }
  scored.sort((a, b) => a.distance - b.distance || a.filled.localeCompare(b.filled));
  const limit = options.limit ?? 3;
  const best = scored[0]?.distance ?? Infinity;
  return [...new Set(scored.filter((s) => s.distance <= best + 1).map((s) => s.filled))].slice(0, limit);
}
