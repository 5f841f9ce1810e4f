import fc from 'fast-check';

/*
 * Property tests in `npm test` replay one fixed seed, so a CI run is reproducible and a red run means a change
 * broke something, not that today's dice found an old bug. `npm run fuzz` sets FC_SEED=random and repeats them
 * with fresh seeds; a counterexample it finds becomes a plain test (see "found by fuzzing" in test/).
 * FC_SEED=<number> replays the seed a failure printed.
 */
const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? 20261206 : Number(requested);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${requested}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
