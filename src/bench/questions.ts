import { random, type SyntheticCorpus } from './synthetic.js';

export type QuestionKind = 'speaker-topic' | 'topic' | 'typo' | 'speaker';

export interface BenchQuestion {
  question: string;
  kind: QuestionKind;
}

/**
 * A deterministic mix: "what did X say about Y" (40%), topic questions (30%), names with a typo
 * that need the fuzzy fallback (15%), a bare name (15%). Words are drawn from the corpus.
 */
export function benchQuestions(corpus: SyntheticCorpus, count: number, seed = 7): BenchQuestion[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  // Topic words from the common half of the vocabulary, as people ask about what is covered.
  const topical = corpus.vocabulary.slice(0, 2000);
  const questions: BenchQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const person = pick(corpus.people);
    const roll = next();
    if (roll < 0.4) questions.push({ question: `what did ${person} say about ${pick(topical)}`, kind: 'speaker-topic' });
    else if (roll < 0.7) questions.push({ question: `${pick(topical)} ${pick(topical)}`, kind: 'topic' });
    else if (roll < 0.85) questions.push({ question: `what did ${typo(person.split(' ').pop() ?? person)} say`, kind: 'typo' });
    else questions.push({ question: person.split(' ').pop() ?? person, kind: 'speaker' });
  }
  return questions;
}

/** Autocomplete inputs as people type them: prefixes of names, one to six letters. */
export function autocompleteInputs(corpus: SyntheticCorpus, count: number, seed = 11): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const person = corpus.people[Math.floor(next() * corpus.people.length)] ?? '';
    const part = next() < 0.5 ? person : person.split(' ').pop() ?? person;
    return part.slice(0, 1 + Math.floor(next() * 6)).toLowerCase();
  });
}

/** Swaps two adjacent letters in the middle of a word: one typo. */
function typo(word: string): string {
  const at = Math.max(1, Math.floor(word.length / 2) - 1);
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}
