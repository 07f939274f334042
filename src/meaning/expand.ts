import { foldWord, indexTerm } from '../index/terms.js';
import { createRequire } from 'node:module';
import type Lemmatizer from 'wink-lemmatizer';
import { PARTS_OF_SPEECH, WordNet, type PartOfSpeech } from './wordnet.js';
import { currentLemmaTable } from './meaning.js';

/** A term a question's word stands for: an index term and how much a match on it counts (1 for the word itself). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** How far a word is widened, and what each kind of neighbour counts for. */
export interface ExpandOptions {
  /** Senses read per part of speech, most frequent first (WordNet orders them by frequency). */
  senses: number;
  synonym: number;
  /** Words of the synsets one step more general (a summit is a meeting); 0 leaves them out. */
  hypernym: number;
  /** Words of the synsets one step more specific (a truce is a kind of peace); 0 leaves them out. */
  hyponym: number;
}

export const DEFAULT_EXPANSION: ExpandOptions = { senses: 3, synonym: 0.6, hypernym: 0.35, hyponym: 0 };

/**
 * Widens question words with their meaning's neighbours in WordNet: "embassies" also finds
 * "mission", "truce" finds "ceasefire", "quit" finds "resign". Results are cached per word.
 */
export class Expander {
  private readonly cache = new Map<string, WeightedTerm[]>();

  constructor(private readonly wordnet: WordNet, private readonly options: ExpandOptions = DEFAULT_EXPANSION) {}

  /** The terms a word stands for besides its own, strongest first; [] for a stop word or an unknown word. */
  neighbours(word: string): WeightedTerm[] {
    const folded = foldWord(word);
    let found = this.cache.get(folded);
    if (!found) {
      found = this.compute(folded);
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(folded, found);
    }
    return found;
  }

  private compute(word: string): WeightedTerm[] {
    const own = indexTerm(word);
    if (own === null) return [];
    const weights = new Map<string, number>();
    const add = (phrase: string, weight: number) => {
      for (const term of termsOfLemma(phrase)) {
        if (term !== own && (weights.get(term) ?? 0) < weight) weights.set(term, weight);
      }
    };
    for (const pos of PARTS_OF_SPEECH) {
      for (const lemma of lemmas(this.wordnet, word, pos)) {
        for (const offset of this.wordnet.senses(lemma, pos).slice(0, this.options.senses)) {
          const synset = this.wordnet.synset(offset, pos);
          for (const w of synset.words) add(w, this.options.synonym);
          for (const pointer of synset.pointers) {
            const weight = pointer.symbol === '@' ? this.options.hypernym : pointer.symbol === '~' ? this.options.hyponym : 0;
            if (weight > 0) for (const w of this.wordnet.synset(pointer.offset, pointer.pos).words) add(w, weight);
          }
        }
      }
    }
    return [...weights.entries()].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  }
}

// wink-lemmatizer's word lists take about 0.2 s to load: only a topic question needs them, so
// they are loaded then, not when every process starts.
let lemmatizer: typeof Lemmatizer | null = null;
function lemmatize(): typeof Lemmatizer {
  lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as typeof Lemmatizer;
  return lemmatizer;
}

// The table prepared under CACHE_DIR answers for the words of news without loading wink at all.
const LEMMA: Record<PartOfSpeech, (word: string) => string> = {
  noun: (w) => currentLemmaTable()?.lemma(w, 'noun') ?? lemmatize().noun(w),
  verb: (w) => currentLemmaTable()?.lemma(w, 'verb') ?? lemmatize().verb(w),
  adj: (w) => currentLemmaTable()?.lemma(w, 'adjective') ?? lemmatize().adjective(w),
  adv: (w) => w,
};

/**
 * The WordNet lemmas a word may be, for one part of speech: its lemma (wink-lemmatizer, with
 * WordNet's own rules and irregular forms: "held" is "hold", "embassies" "embassy"), the word
 * itself, and a word written solid that WordNet hyphenates ("ceasefire": "cease-fire").
 */
export function lemmas(wordnet: WordNet, word: string, pos: PartOfSpeech, solidForms = true): string[] {
  const out = [...new Set([LEMMA[pos](word), word])].filter((lemma) => wordnet.has(lemma, pos));
  if (out.length === 0 && solidForms && word.length >= 6) {
    for (let at = 3; at <= word.length - 3; at++) {
      const hyphenated = `${word.slice(0, at)}-${word.slice(at)}`;
      if (wordnet.has(hyphenated, pos)) return [hyphenated];
    }
  }
  return out;
}

/**
 * The index terms a WordNet lemma matches in text: a single word's term, or for a phrase written
 * as one word in news ("cease-fire", "cease fire": "ceasefire") its joined form. Other phrases
 * ("step down") are left out: their words alone mean something else.
 */
function termsOfLemma(lemma: string): string[] {
  const parts = lemma.split(/[\s-]+/u).filter(Boolean);
  if (parts.length === 1) {
    const term = indexTerm(parts[0] as string);
    return term ? [term] : [];
  }
  if (parts.length === 2 && lemma.includes('-')) {
    const joined = indexTerm(parts.join(''));
    return joined ? [joined] : [];
  }
  return [];
}

/** The related terms of a question's topic words, each term once at its highest weight. */
export function relatedTerms(expander: Expander, topic: readonly string[]): WeightedTerm[] {
  const best = new Map<string, number>();
  for (const word of topic) {
    for (const { term, weight } of expander.neighbours(word)) if ((best.get(term) ?? 0) < weight) best.set(term, weight);
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

let shared: Expander | null = null;

/** One expander for the process: WordNet's files are read once, whichever index asks. */
export function sharedExpander(): Expander {
  shared ??= new Expander(new WordNet());
  return shared;
}
