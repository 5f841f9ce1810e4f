/**
 * Throughput of building and reading the `Authorization` header (src/auth.ts). The client checks and joins the
 * credentials once per `createClient` / `forInstance`, not per request; `parseAuthorization` is public for
 * callers that read headers back. Either should cost a small fraction of even a loopback request (~0.1-0.3 ms).
 * The unchecked join is the floor: the first ratio shows what validation costs.
 */
import {
  formatAuthorization,
  joinAuthorization,
  parseAuthorization,
  type Credentials,
} from '../src/core/index.js';
import { formatNumber, measureOpsPerSecond, median, printRatio, printTable } from './support/measure.js';

const full: Credentials = {
  userSecret: 'kZ3u9Q0xw8sJm1VbT4yR7eLpA2cN6dHf',
  organizationSecret: '5f2d47896a2d8e37c4f8877a9358d6b7',
  elementToken: 'Zx9Qw2Er4Ty6Ui8Op0AsDfGhJkLzXcVbNm1234567890=',
};
const header = formatAuthorization(full);
const reordered = `Element ${full.elementToken}, user ${full.userSecret}`;

const rounds = 5;
const durationMs = 300;
const cases: [string, () => unknown][] = [
  ['joinAuthorization (no checks)', () => joinAuthorization(full)],
  ['formatAuthorization (3 parts)', () => formatAuthorization(full)],
  ['parseAuthorization (3 parts)', () => parseAuthorization(header)],
  ['parseAuthorization (2 parts, any order/case)', () => parseAuthorization(reordered)],
];

// Warm-up so every function is optimised before it is timed.
for (const [, fn] of cases) measureOpsPerSecond(fn, 1, 100);
const results = cases.map(([name, fn]) => ({
  name,
  opsPerSecond: median(measureOpsPerSecond(fn, rounds, durationMs)),
}));

printTable(
  `Authorization header (median of ${rounds} rounds of ${durationMs} ms)`,
  ['function', 'ops/s', 'ns/op'],
  results.map((r) => [r.name, formatNumber(r.opsPerSecond, 0), formatNumber(1e9 / r.opsPerSecond, 0)]),
);
const ops = (i: number) => results[i]?.opsPerSecond ?? NaN;
// Ratios are time per call, so > 1 means slower than the right-hand side.
printRatio('formatAuthorization/joinAuthorization', ops(0) / ops(1));
printRatio('parseAuthorization/formatAuthorization', ops(1) / ops(2));
