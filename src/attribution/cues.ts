import type { Token } from './tokens.js';
import type { NameRun } from './names.js';
import {
  ANONYMOUS_HEADS, CUE_BLOCKERS, CUE_MODIFIERS, FEMALE_PRONOUNS, MALE_PRONOUNS, PASSIVE_AUXILIARIES,
  ROLE_NOUNS, SPEECH_VERBS, VERB_PARTICLES,
} from './lexicon.js';

/** Who a cue's subject is, before it is resolved to a person of the article. */
export type Subject =
  | { kind: 'name'; run: NameRun; coordinated: boolean }
  | { kind: 'pronoun'; gender: 'm' | 'f' }
  | { kind: 'role'; role: string }
  | { kind: 'anonymous' };

/** A speech cue in a sentence and the subject it reports. Indices are token indices. */
export interface CueMatch {
  cue: string;
  cueFirst: number;
  cueLast: number;
  subject: Subject;
  subjectFirst: number;
  subjectLast: number;
  /** The subject follows the cue ("said Lavrov", "according to Lavrov"). */
  inverted: boolean;
  /** The subject is the sentence's subject, reached through a participle (", saying …"). */
  participle: boolean;
  /** Tokens between commas after the subject ("a senior adviser"), for its role. */
  appositive: Token[];
  relative?: boolean;
}

const PREPOSITIONS = new Set([
  'with', 'by', 'to', 'of', 'for', 'about', 'against', 'from', 'at', 'on', 'in', 'into', 'than',
  'and', 'or', 'between', 'among', 'like', 'under', 'over', 'toward', 'towards', 'after', 'before',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'another', 'one', 'his', 'her', 'their', 'its']);
const MAX_APPOSITIVE_TOKENS = 30;
const MAX_MODIFIERS = 4;

/** Every speech cue in the sentence whose subject can be found, in reading order. */
export function findCues(tokens: readonly Token[], runs: readonly NameRun[]): CueMatch[] {
  const matches: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = cueAt(tokens, i);
    if (!cue) continue;
    const match = cue.participle
      ? participleSubject(tokens, runs, i, cue.last, cue.text)
      : cue.text === 'according to'
        ? subjectAfter(tokens, runs, i, cue.last, cue.text)
        : subjectBefore(tokens, runs, i, cue.last, cue.text) ?? invertedSubject(tokens, runs, i, cue.last, cue.text);
    if (match) matches.push(match);
    i = cue.last;
  }
  // "X, who has long argued for it, said …": the main clause's cue is the statement.
  return matches.filter((m, k) => !m.relative || k === matches.length - 1);
}

interface CueWord {
  text: string;
  last: number;
  participle: boolean;
}

function cueAt(tokens: readonly Token[], i: number): CueWord | null {
  const token = tokens[i];
  if (!token || token.kind !== 'word') return null;
  const next = tokens[i + 1];
  if (token.lower === 'according' && next?.lower === 'to') return { text: 'according to', last: i + 1, participle: false };
  if (token.capitalized || !SPEECH_VERBS.has(token.lower)) return null;
  if (next && CUE_BLOCKERS[token.lower]?.has(next.lower)) return null;
  const particles = VERB_PARTICLES[token.lower];
  if (particles) {
    if (!next) return null;
    if (next.kind === 'quote' && /^call/.test(token.lower)) return { text: token.lower, last: i, participle: false };
    if (!particles.has(next.lower)) return null;
    const withParticle = ['out', 'on', 'for'].includes(next.lower);
    return { text: withParticle ? `${token.lower} ${next.lower}` : token.lower, last: withParticle ? i + 1 : i, participle: false };
  }
  return { text: token.lower, last: i, participle: token.lower.endsWith('ing') };
}

/** "Lavrov said", "Pavel Orrin, a senior adviser, said", "the minister later told". */
function subjectBefore(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cueLast: number, cue: string): CueMatch | null {
  let j = cueFirst - 1;
  for (let skipped = 0; j >= 0 && skipped < MAX_MODIFIERS && isModifier(tokens[j]); skipped++) j--;
  const before = tokens[j];
  if (!before || (before.kind === 'word' && PASSIVE_AUXILIARIES.has(before.lower))) return null;
  let appositive: Token[] = [];
  let end = j;
  if (before.kind === 'punct' && before.text === ',') {
    const open = matchingComma(tokens, j);
    if (open === null) return null;
    appositive = tokens.slice(open + 1, j);
    end = open - 1;
  }
  const found = subjectEndingAt(tokens, runs, end) ;
  // "Montaverde's trade minister, Rafael Quintero-Lys, told": the name in commas is the subject.
  const named = appositive.length > 0 && found?.subject.kind !== 'name' ? runs.find((r) => r.first === end + 2 && r.last === j - 1) : undefined;
  if (named && !named.isOrganisation) {
    return { cue, cueFirst, cueLast, subject: { kind: 'name', run: named, coordinated: false }, subjectFirst: named.first, subjectLast: named.last, inverted: false, participle: false, appositive: tokens.slice(Math.max(0, end - 4), end + 1) };
  }
  if (!found) return null;
  return { cue, cueFirst, cueLast, ...found, inverted: false, participle: false, appositive };
}

function isModifier(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  return CUE_MODIFIERS.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4);
}

/** The comma that opens an appositive closed by the comma at `close`, if it is one. */
function matchingComma(tokens: readonly Token[], close: number): number | null {
  for (let k = close - 1; k >= 0 && close - k <= MAX_APPOSITIVE_TOKENS; k--) {
    const token = tokens[k];
    if (!token || token.kind === 'quote') return null;
    if (token.kind === 'punct' && token.text === ',') return k;
  }
  return null;
}

interface FoundSubject {
  subject: Subject;
  subjectFirst: number;
  subjectLast: number;
  /** Reached through "X, who …": a relative clause, usually not the sentence's main statement. */
  relative?: boolean;
}

/** Reads the noun phrase that ends at token `end` as a cue's subject. */
function subjectEndingAt(tokens: readonly Token[], runs: readonly NameRun[], end: number): FoundSubject | null {
  const token = tokens[end];
  if (!token || token.kind !== 'word') return null;
  if (token.lower === 'who' && tokens[end - 1]?.text === ',') {
    const antecedent = subjectEndingAt(tokens, runs, end - 2);
    return antecedent && { ...antecedent, relative: true };
  }
  // A capitalised "Officials said" at the start of a sentence is a common noun, not a name.
  if (ANONYMOUS_HEADS.has(token.lower) && (end === 0 || tokens[end - 1]?.kind !== 'word')) {
    return { subject: { kind: 'anonymous' }, subjectFirst: end, subjectLast: end };
  }
  const run = runs.find((r) => r.last === end);
  if (run) {
    if (run.possessive) return null;
    // "an official in Vrana, who …": a name after a preposition belongs to a larger phrase.
    const before = tokens[run.first - 1];
    if (before?.kind === 'word' && PREPOSITIONS.has(before.lower)) return { subject: { kind: 'anonymous' }, subjectFirst: run.first, subjectLast: end };
    return { subject: { kind: 'name', run, coordinated: false }, subjectFirst: run.first, subjectLast: end };
  }
  const pronoun = pronounGender(token.lower);
  if (pronoun) return { subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: end, subjectLast: end };
  return nounPhraseSubject(tokens, runs, end);
}

/** "the foreign minister" (a role), "officials" / "a spokesman" (anonymous), "X and other leaders". */
function nounPhraseSubject(tokens: readonly Token[], runs: readonly NameRun[], end: number): FoundSubject | null {
  const head = tokens[end];
  if (!head || head.capitalized) return null;
  const singular = head.lower.replace(/s$/, '');
  const isRole = ROLE_NOUNS.has(head.lower) || ROLE_NOUNS.has(singular);
  if (!isRole && !ANONYMOUS_HEADS.has(head.lower)) return null;
  let k = end - 1;
  const modifiers: string[] = [];
  while (k >= 0 && end - k <= 5) {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || DETERMINERS.has(t.lower) || t.lower === 'and' || t.possessive) break;
    modifiers.unshift(t.lower);
    k--;
  }
  const determiner = tokens[k];
  if (determiner?.lower === 'and' || (modifiers[0] === 'other' && tokens[k]?.lower === 'and')) {
    const coordinated = subjectEndingAt(tokens, runs, k - 1);
    if (coordinated?.subject.kind === 'name') {
      return { ...coordinated, subject: { ...coordinated.subject, coordinated: true }, subjectLast: end };
    }
  }
  const plural = head.lower.endsWith('s') && !ROLE_NOUNS.has(head.lower);
  if (isRole && !plural && determiner?.lower === 'the') {
    const role = [...modifiers, singular === head.lower ? head.lower : head.lower].join(' ');
    return { subject: { kind: 'role', role }, subjectFirst: k, subjectLast: end };
  }
  return { subject: { kind: 'anonymous' }, subjectFirst: Math.max(k, 0), subjectLast: end };
}

function pronounGender(lower: string): 'm' | 'f' | null {
  if (MALE_PRONOUNS.has(lower)) return 'm';
  if (FEMALE_PRONOUNS.has(lower)) return 'f';
  return null;
}

/** "“…,” said Lavrov", "“…,” he said" is handled by subjectBefore; this is the inverted order. */
function invertedSubject(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cueLast: number, cue: string): CueMatch | null {
  let j = cueFirst - 1;
  while (j >= 0 && isModifier(tokens[j])) j--;
  const before = tokens[j];
  const opensClause = !before || before.kind === 'quote' || [',', ':', '—', '–', ';', '('].includes(before.text);
  if (!opensClause) return null;
  return subjectAfter(tokens, runs, cueFirst, cueLast, cue);
}

function subjectAfter(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cueLast: number, cue: string): CueMatch | null {
  const at = cueLast + 1;
  const token = tokens[at];
  if (!token || token.kind !== 'word') return null;
  const base = { cue, cueFirst, cueLast, inverted: true, participle: false, appositive: [] as Token[] };
  const run = runs.find((r) => r.first === at);
  if (run) {
    const subject: Subject = run.isOrganisation ? { kind: 'anonymous' } : { kind: 'name', run, coordinated: false };
    return { ...base, subject, subjectFirst: at, subjectLast: run.last, appositive: appositiveAfter(tokens, run.last) };
  }
  const pronoun = pronounGender(token.lower);
  if (pronoun) return { ...base, subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: at, subjectLast: at };
  if (DETERMINERS.has(token.lower) || ANONYMOUS_HEADS.has(token.lower)) {
    let end = at;
    while (tokens[end + 1]?.kind === 'word' && !tokens[end + 1]?.capitalized && end - at < 5) end++;
    const phrase = nounPhraseSubject(tokens, runs, end);
    if (phrase) return { ...base, ...phrase, subjectFirst: at };
    return { ...base, subject: { kind: 'anonymous' }, subjectFirst: at, subjectLast: end };
  }
  return null;
}

function appositiveAfter(tokens: readonly Token[], last: number): Token[] {
  if (tokens[last + 1]?.text !== ',') return [];
  const out: Token[] = [];
  for (let k = last + 2; k < tokens.length && out.length < MAX_APPOSITIVE_TOKENS; k++) {
    const t = tokens[k];
    if (!t || t.kind !== 'word') break;
    out.push(t);
  }
  return out;
}

/** ", saying …": the speaker is the clause's subject, the first person-like word of the sentence. */
function participleSubject(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cueLast: number, cue: string): CueMatch | null {
  if (tokens[cueFirst - 1]?.text !== ',') return null;
  for (let k = 0; k < cueFirst; k++) {
    const token = tokens[k];
    if (!token || token.kind !== 'word') continue;
    if (PREPOSITIONS.has(tokens[k - 1]?.lower ?? '')) continue;
    const run = runs.find((r) => r.first === k);
    const pronoun = pronounGender(token.lower);
    if (run && !run.possessive && !run.isOrganisation) {
      return { cue, cueFirst, cueLast, subject: { kind: 'name', run, coordinated: false }, subjectFirst: k, subjectLast: run.last, inverted: false, participle: true, appositive: [] };
    }
    if (pronoun) {
      return { cue, cueFirst, cueLast, subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: k, subjectLast: k, inverted: false, participle: true, appositive: [] };
    }
    if (run) return null;
  }
  return null;
}
