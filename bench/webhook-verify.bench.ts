/**
 * Webhook verification (1 kB body): the SDK's verifier and one-shot `verifyWebhookSignature` against what a user
 * would write with node:crypto (`createHmac` + `timingSafeEqual`). Blocks of 2,000 verifications, interleaved,
 * medians of whole blocks (GC included).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createWebhookVerifier, signWebhookPayload, verifyWebhookSignature } from '../src/webhooks/index.js';
import { median, printTable, printTarget } from './support/measure.js';

const key = 'bench-signature-key-0123456789';
const body = JSON.stringify({
  message: {
    events: [{ eventType: 'UPDATED', objectType: 'contacts', objectId: '1', note: 'x'.repeat(900) }],
  },
});
const signature = await signWebhookPayload(body, key);
const verifier = createWebhookVerifier({ key });
const expected = Buffer.from(signature.slice('sha256='.length), 'base64');

const cases: Record<string, () => unknown> = {
  'node:crypto': () => {
    const actual = createHmac('sha256', key).update(body).digest();
    if (!timingSafeEqual(actual, expected)) throw new Error('mismatch');
  },
  'sdk verifier': () => verifier.verify(body, signature),
  'sdk one-shot': () => verifyWebhookSignature(body, signature, key),
};

const block = 2000;
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < 12; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const started = performance.now();
    for (let i = 0; i < block; i++) await run();
    if (round >= 2) times[name]!.push(((performance.now() - started) * 1000) / block);
  }
}
const floor = median(times['node:crypto']!);
printTable(
  'Webhook verification of a 1 kB body, µs per verification (median of 10 interleaved blocks of 2,000)',
  ['case', 'µs', 'x node:crypto'],
  Object.entries(times).map(([name, samples]) => [
    name,
    median(samples).toFixed(2),
    (median(samples) / floor).toFixed(2),
  ]),
);
printTarget('webhook verify sdk-verifier/node-crypto', median(times['sdk verifier']!) / floor, 1.5);
printTarget('webhook verify sdk-one-shot/node-crypto', median(times['sdk one-shot']!) / floor, 1.5);
