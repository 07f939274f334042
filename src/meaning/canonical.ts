import { lemmas } from './expand.js';
import { sharedWordNet, type PartOfSpeech } from './wordnet.js';

// Verbs first: a quotation's words that translations vary are mostly verbs ("divides" / "splits").
// Adjective senses are left out: their first senses fold too much ("sign" is first "gestural").
const ORDER: PartOfSpeech[] = ['verb', 'noun'];
const cache = new Map<string, string>();

/**
 * One word standing for a word and its closest synonyms: the alphabetically first single word of
 * the synset of its most frequent sense, as a verb if it is one, else as a noun. "divides" and
 * "splits" share WordNet's first verb sense {divide, split, separate, dissever…}, so both give
 * "dissever"; "signed" and "sign" both give "sign". A word WordNet does not know stands for itself.
 */
export function canonicalWord(word: string): string {
  let found = cache.get(word);
  if (found === undefined) {
    found = compute(word);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, found);
  }
  return found;
}

function compute(word: string): string {
  const wordnet = sharedWordNet();
  for (const pos of ORDER) {
    // No search for a hyphenated form: it costs a dozen lookups a word, at build, for every unknown word.
    for (const lemma of lemmas(wordnet, word, pos, false)) {
      const [first] = wordnet.senses(lemma, pos);
      if (first === undefined) continue;
      const single = wordnet.synset(first, pos).words.filter((w) => /^\p{L}+$/u.test(w)).sort();
      if (single[0]) return single[0];
    }
  }
  return word;
}
