import { indexTerm, words } from '../index/terms.js';
import { canonicalWord } from '../meaning/canonical.js';

/**
 * What a statement's sameness is decided from: the words its sentence puts in quotation marks,
 * never the sentence around them ("…,” Marwood said" and "…,” Marwood repeated on Wednesday"
 * quote the same words).
 */
export interface QuoteSignature {
  /** A hash of the quoted words in order (case and punctuation ignored), or 0 when too few words are quoted to tell. */
  key: number;
  /** The quoted words' content terms (stemmed, stop words out, a few translation synonyms folded), hashed, sorted, each once. */
  terms: Uint32Array;
  /** What must agree for two quotations in other words to be one statement: their numbers and whether they negate (see `compatibleGuards`). */
  guard: number;
}

// Fewer quoted words than this ("very useful") are a phrase, not a statement: two uses of it are
// not one statement, so only a sentence copied word for word groups with them.
export const MIN_QUOTED_WORDS = 3;

const OPENING = new Set(['“', '"', '„', '«']);
const CLOSING = new Set(['”', '"', '»']);

/** The stretches of a sentence inside quotation marks; a quote opened in an earlier sentence or closed in a later one counts to the sentence's edge. */
export function quotedStretches(sentence: string): string[] {
  const stretches: string[] = [];
  let open: number | null = null;
  let seenMark = false;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i] as string;
    if (open === null && OPENING.has(ch) && (ch !== '"' || opensHere(sentence, i))) {
      open = i + 1;
      seenMark = true;
    } else if (open !== null && CLOSING.has(ch)) {
      stretches.push(sentence.slice(open, i));
      open = null;
    } else if (open === null && !seenMark && (ch === '”' || ch === '»' || ch === '"')) {
      // Closed without opening: the quote began in the sentence before.
      stretches.push(sentence.slice(0, i));
      seenMark = true;
    }
  }
  if (open !== null) stretches.push(sentence.slice(open));
  return stretches.filter((s) => s.trim() !== '');
}

function opensHere(sentence: string, at: number): boolean {
  return at === 0 || /[\s([{—–\-/:;,]/u.test(sentence[at - 1] ?? ' ');
}

// Contractions written out, so "won't" and "will not" are the same words.
const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon['’]t\b/giu, 'will not'], [/\bcan['’]t\b/giu, 'can not'], [/\bshan['’]t\b/giu, 'shall not'],
  [/n['’]t\b/giu, ' not'], [/['’]re\b/giu, ' are'], [/['’]ll\b/giu, ' will'], [/['’]ve\b/giu, ' have'], [/['’]m\b/giu, ' am'],
];

/**
 * Words that translations of one statement use for each other (a state outlet's "agreement" for
 * a wire's "deal"): folded to one term. Kept short and general; each pair is a common
 * choice between two English renderings, not a topic of any one story.
 */
const SYNONYMS = new Map<string, string>(Object.entries({
  agreement: 'deal', accord: 'deal', negotiations: 'talks', negotiation: 'talks', prepared: 'ready', willing: 'ready',
  discussions: 'talks', discussion: 'talks', dialogue: 'talks', constructive: 'useful', productive: 'useful', fruitful: 'useful',
  nations: 'countries', nation: 'country', states: 'countries', sides: 'parties', side: 'party',
  reject: 'refuse', rejects: 'refuse', rejected: 'refuse', refused: 'refuse', refuses: 'refuse', accepts: 'accept', accepted: 'accept',
  conflict: 'war', warfare: 'war', treaty: 'deal', pact: 'deal',
  ceasefire: 'truce', 'cease-fire': 'truce', armistice: 'truce', sanction: 'sanctions', penalties: 'sanctions',
  goal: 'aim', objective: 'aim', purpose: 'aim', aims: 'aim', goals: 'aim', objectives: 'aim',
}));

/** The words of the sentence's quotations, in order, lower case, contractions written out. */
export function quotedWordsOf(sentence: string): string[] {
  const quoted = quotedStretches(sentence).join(' ');
  // Contractions need an apostrophe: most quotations have none, and skip eight regex passes.
  const expanded = /['’]/u.test(quoted) ? CONTRACTIONS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), quoted) : quoted;
  return words(expanded).map((word) => word.toLowerCase().replace(/’/g, "'"));
}

/** The signature of a sentence's quotation; `key` 0 and no terms when it quotes too little. */
export function quoteSignature(sentence: string): QuoteSignature {
  const quoted = quotedWordsOf(sentence);
  if (quoted.length < MIN_QUOTED_WORDS) return { key: 0, terms: new Uint32Array(0), guard: 0 };
  const terms = new Set<number>();
  for (const word of quoted) {
    const term = termHash(word);
    if (term !== 0) terms.add(term);
  }
  // 0 stands for "no quotation".
  return { key: hashText(quoted.join(' ')) || 1, terms: Uint32Array.from([...terms].sort((a, b) => a - b)), guard: guardOf(quoted) };
}

// Quoted words recur across a corpus: each word's term hash is worked out (stemmed, hashed) once.
const termHashes = new Map<string, number>();

/** The hash of a quoted word's content term (after the synonym fold), 0 for a stop word. */
function termHash(word: string): number {
  let hash = termHashes.get(word);
  if (hash === undefined) {
    const listed = SYNONYMS.get(word) ?? word;
    // Stop words and numbers stay as written; other words are compared by their WordNet meaning.
    const term = indexTerm(listed) === null || /\d/u.test(listed) ? indexTerm(listed) : indexTerm(canonicalWord(listed));
    hash = term === null ? 0 : hashText(term) || 1;
    if (termHashes.size > 200_000) termHashes.clear();
    termHashes.set(word, hash);
  }
  return hash;
}

// Words whose difference makes two near-identical quotations two statements: "point 3 is settled"
// is not "point 4 is settled", and "we will sign" is not "we will not sign".
const NEGATIONS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'hundred', 'thousand', 'million', 'billion', 'first', 'second', 'third', 'half']);

/** Bit 0: the quotation negates; the other bits: a hash of its numbers, 0 when it has none. */
function guardOf(quoted: readonly string[]): number {
  const negated = quoted.some((word) => NEGATIONS.has(word)) ? 1 : 0;
  const numbers = [...new Set(quoted.filter((word) => /\d/u.test(word) || NUMBER_WORDS.has(word)))].sort();
  const numberBits = numbers.length === 0 ? 0 : (hashText(numbers.join(' ')) | 2) & ~1;
  return (numberBits | negated) >>> 0;
}

/** Both negate or neither does, and when both give numbers they give the same ones (a cut quote may drop them). */
export function compatibleGuards(a: number, b: number): boolean {
  if ((a & 1) !== (b & 1)) return false;
  return a >>> 1 === 0 || b >>> 1 === 0 || a === b;
}

/** FNV-1a, 32 bits. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// Sameness of two quotations in other words: most of the shorter one's content terms stand in
// the longer (a cut quote keeps all of them; a translation keeps most), and at least this many.
export const VARIANT_OVERLAP = 0.8;
export const VARIANT_MIN_SHARED = 3;

/** Shared terms of two sorted term lists. */
export function sharedTerms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Two quotations are one statement in other words when most of the shorter's content terms are in the longer. */
export function sameStatementInOtherWords(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const shared = sharedTerms(a, b);
  return shared >= VARIANT_MIN_SHARED && shared >= VARIANT_OVERLAP * Math.min(a.length, b.length);
}
