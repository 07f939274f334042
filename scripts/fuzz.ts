/**
 * `npm run fuzz -- [--questions N] [--corpora N] [--seed S]`: the property tests of
 * test/fuzz.test.ts with many more cases. Prints the number of cases tried; exits 1 with
 * fast-check's shrunk counterexample at the first failure.
 */
import { parseArgs } from 'node:util';
import { fuzz } from '../test/fuzz/run.js';

const { values } = parseArgs({ options: { questions: { type: 'string' }, corpora: { type: 'string' }, seed: { type: 'string' } } });
const counts = { questions: Number(values.questions ?? 20_000), corpora: Number(values.corpora ?? 2_000) };
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const started = performance.now();
try {
  fuzz(counts, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz (seed ${seed}): ${counts.questions} questions and ${counts.corpora} corpora tried in ${seconds} s: 0 throws, 0 over-limit replies, 0 pings, 0 quotes not verbatim`);
} catch (error) {
  console.error(`fuzz (seed ${seed}): FAILED\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
