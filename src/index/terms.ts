import { stemmer } from 'stemmer';
import { foldWord } from '../text/fold.js';

export { foldWord };

// Common English function words: they carry no topic, and in one-sentence documents they
// would otherwise dominate the term counts.
export const STOP_WORDS = new Set(`
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can could did didn't do does doesn't doing don't down during each
few for from further had has have having he her here hers herself him himself his how i if in into
is isn't it it's its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was wasn't we were
what when where which while who whom why will with would you your yours yourself yourselves
`.trim().split(/\s+/));

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words of a text in reading order, as written. */
export function words(text: string): string[] {
  return text.normalize('NFKC').match(WORD) ?? [];
}

/** The index term for a word: folded, stemmed (Porter, from the `stemmer` package), or null for a stop word. */
export function indexTerm(word: string): string | null {
  const folded = foldWord(word);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  return /^\p{N}+$/u.test(folded) ? folded : stemmer(folded);
}

// Three rows of the distance table, reused: a typo search measures thousands of words per question.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Edit distance with adjacent transpositions (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] as number, max + 1);
}
