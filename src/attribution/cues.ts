import type { Token } from './tokens.js';
import type { NameRun } from './names.js';
import { coreNameWords } from './names.js';
import {
  ANONYMOUS_HEADS, CALENDAR_WORDS, CUE_BLOCKERS, CUE_MODIFIERS, FEMALE_PRONOUNS, MALE_PRONOUNS, PASSIVE_AUXILIARIES,
  ROLE_NOUNS, SPEECH_VERBS, STANCES, STANCE_VERBS, SUBORDINATORS, TRANSITIVE_CUES, UNNAMED_PEOPLE, VERB_PARTICLES,
} from './lexicon.js';

/** Who a cue's subject is, before it is resolved to a person of the article. */
export type Subject =
  | { kind: 'name'; run: NameRun; coordinated: boolean; others?: NameRun[] }
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
  /** The subject is the clause's subject, reached through ", saying" or "and said". */
  participle: boolean;
  /** Words describing the subject ("a senior adviser"), for its role. */
  appositive: Token[];
  /** Reached through "X, who …": a relative clause, usually not the sentence's main statement. */
  relative?: boolean;
  /** The cue sits in a subordinate clause ("when he wrote", "that Smith told"). */
  subordinate: boolean;
}

type Found = Pick<CueMatch, 'subject' | 'subjectFirst' | 'subjectLast' | 'relative'> & { appositive?: Token[] };

const PREPOSITIONS = new Set([
  'with', 'by', 'to', 'of', 'for', 'about', 'against', 'from', 'at', 'on', 'in', 'into', 'than',
  'between', 'among', 'like', 'under', 'over', 'toward', 'towards', 'including',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'another', 'one', 'his', 'her', 'their', 'its']);
const PARTICIPLE_OPENERS = new Set(['by', 'after', 'while', 'before', 'when']);
// "David Axelrod on Wednesday called": a time phrase between a subject and its cue.
const TIME_OPENERS = new Set(['on', 'in', 'last', 'this', 'next', 'early', 'late', 'earlier', 'later']);
const DASHES = new Set(['—', '–', '--']);
const MAX_APPOSITIVE_TOKENS = 30;
const MAX_MODIFIERS = 4;
const MAX_INVERTED_TITLE = 7;

/**
 * Every speech cue in the sentence whose subject can be found: main clauses first, then
 * subordinate ones, each group in reading order.
 */
export function findCues(tokens: readonly Token[], runs: readonly NameRun[]): CueMatch[] {
  const matches: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = cueAt(tokens, i);
    if (!cue) continue;
    const found = subjectOf(tokens, runs, i, cue);
    if (found) {
      matches.push({
        cue: cue.text, cueFirst: i, cueLast: cue.last, appositive: [], inverted: false, participle: false,
        ...found, subordinate: isSubordinate(tokens, Math.min(found.subjectFirst, i)),
      });
    }
    i = cue.last;
  }
  // "X, who has long argued for it, said …": the main clause's cue is the statement.
  const kept = matches.filter((m, k) => !m.relative || k === matches.length - 1);
  return [...kept.filter((m) => !m.subordinate), ...kept.filter((m) => m.subordinate)];
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
  // A capitalised cue only opens a sentence: "Said Ellis: …".
  if (token.capitalized && i > 0) return null;
  if (STANCE_VERBS.has(token.lower)) {
    return reportsStance(tokens, i) ? { text: token.lower, last: i, participle: token.lower.endsWith('ing') } : null;
  }
  if (!SPEECH_VERBS.has(token.lower)) return null;
  if (next && CUE_BLOCKERS[token.lower]?.has(next.lower)) return null;
  const particles = VERB_PARTICLES[token.lower];
  if (particles) {
    if (!next) return null;
    if (next.kind === 'quote' && token.lower.startsWith('call')) return { text: token.lower, last: i, participle: false };
    if (!particles.has(next.lower)) return null;
    const withParticle = ['out', 'on', 'for'].includes(next.lower);
    return { text: withParticle ? `${token.lower} ${next.lower}` : token.lower, last: withParticle ? i + 1 : i, participle: false };
  }
  return { text: token.lower, last: i, participle: token.lower.endsWith('ing') };
}

// Words that may stand between a stance verb and its stance: "expressed the deep concern".
const MAX_STANCE_MODIFIERS = 2;

/** "expressed satisfaction", "voiced their deep concern": a stance verb with a stance as its object. */
function reportsStance(tokens: readonly Token[], verb: number): boolean {
  for (let k = verb + 1; k < tokens.length && k - verb <= MAX_STANCE_MODIFIERS + 1; k++) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || token.capitalized) return false;
    if (STANCES.has(token.lower)) return true;
  }
  return false;
}

function subjectOf(tokens: readonly Token[], runs: readonly NameRun[], i: number, cue: CueWord): Found & Partial<CueMatch> | null {
  if (cue.text === 'according to') return subjectAfter(tokens, runs, cue.last);
  // ", saying …", "began by saying …", "after saying …": the clause's subject speaks.
  if (cue.participle && (tokens[i - 1]?.text === ',' || PARTICIPLE_OPENERS.has(tokens[i - 1]?.lower ?? ''))) {
    return clauseSubject(tokens, runs, i);
  }
  return subjectBefore(tokens, runs, i, cue) ?? (TRANSITIVE_CUES.has(cue.text) ? null : invertedSubject(tokens, runs, i, cue.last));
}

/** "Lavrov said", "Pavel Orrin, a senior adviser, said", "Rep. Ann Roe (D-Md.) said", "is warning". */
function subjectBefore(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cue: CueWord): (Found & Partial<CueMatch>) | null {
  let j = skipModifiers(tokens, cueFirst - 1);
  const before = tokens[j];
  if (!before) return null;
  if (before.kind === 'word' && PASSIVE_AUXILIARIES.has(before.lower)) {
    // "is warning" is active; "was told" is passive and reports nobody.
    if (!cue.text.endsWith('ing')) return null;
    j = skipModifiers(tokens, j - 1);
  }
  if (tokens[j]?.kind === 'word' && ['and', 'but'].includes(tokens[j]?.lower ?? '')) return clauseSubject(tokens, runs, cueFirst);
  const peeled = peelDecorations(tokens, runs, j);
  const found = subjectEndingAt(tokens, runs, peeled.end) ?? restrictedSubject(tokens, runs, peeled.end) ?? unnamedPhraseSubject(tokens, peeled.end);
  // "Montaverde's trade minister, Rafael Quintero-Lys, told": the name in commas is the subject.
  if (peeled.commaGroup && found?.subject.kind !== 'name') {
    const { open, close } = peeled.commaGroup;
    const named = runs.find((r) => r.first === open + 1 && r.last === close - 1 && !r.isOrganisation);
    if (named) {
      return { subject: { kind: 'name', run: named, coordinated: false }, subjectFirst: named.nameFirst, subjectLast: named.last, appositive: tokens.slice(Math.max(0, open - 4), open) };
    }
  }
  if (!found) return null;
  return { ...found, appositive: found.appositive ?? peeled.appositive };
}

function skipModifiers(tokens: readonly Token[], from: number): number {
  let j = from;
  for (let skipped = 0; j >= 0 && skipped < MAX_MODIFIERS && isModifier(tokens[j]); skipped++) j--;
  return j;
}

function isModifier(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  return CUE_MODIFIERS.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4);
}

interface Peeled {
  end: number;
  appositive: Token[];
  commaGroup: { open: number; close: number } | null;
}

/**
 * Steps back over what may stand between a name and its cue: ", a senior adviser,", "(D-Md.)",
 * "— co-editor of the book —", ", 56,", "of the Sierra Club".
 */
function peelDecorations(tokens: readonly Token[], runs: readonly NameRun[], from: number): Peeled {
  let end = from;
  let appositive: Token[] = [];
  let commaGroup: Peeled['commaGroup'] = null;
  for (let step = 0; step < 4; step++) {
    const token = tokens[end];
    if (!token) break;
    if (token.text === ')') {
      const open = findBack(tokens, end, (t) => t.text === '(', 12);
      if (open === null) break;
      end = open - 1;
    } else if (token.text === ',') {
      const open = matchingComma(tokens, end);
      if (open === null) break;
      if (!commaGroup) {
        commaGroup = { open, close: end };
        appositive = tokens.slice(open + 1, end);
      }
      end = open - 1;
    } else if (isDash(tokens, end)) {
      const close = dashStart(tokens, end);
      const open = findBack(tokens, close, (_, k) => isDash(tokens, k), MAX_APPOSITIVE_TOKENS);
      if (open === null) break;
      appositive = tokens.slice(open + 1, close);
      end = dashStart(tokens, open) - 1;
    } else if (isTimePhraseEnd(tokens, end)) {
      end = timePhraseStart(tokens, end) - 1;
    } else if (/^\p{N}+$/u.test(token.text) && tokens[end - 1]?.text === ',') {
      end -= 2; // an age: "Schiff, 56, …"
    } else if (token.kind === 'word' && token.capitalized && ofPhraseStart(tokens, runs, end) !== null) {
      end = (ofPhraseStart(tokens, runs, end) ?? end) - 1; // "Mr. Morgan of the Sierra Club said"
    } else {
      break;
    }
  }
  return { end, appositive, commaGroup };
}

/** "on Wednesday", "last week", "in March 2016" ending at `end`. */
function isTimePhraseEnd(tokens: readonly Token[], end: number): boolean {
  return timePhraseStart(tokens, end) < end + 1 && timePhraseStart(tokens, end) >= 0;
}

function timePhraseStart(tokens: readonly Token[], end: number): number {
  let k = end;
  while (k >= 0 && /^\p{N}+$/u.test(tokens[k]?.text ?? '')) k--;
  const word = tokens[k];
  if (!word || word.kind !== 'word') return -1;
  const isTime = CALENDAR_WORDS.has(word.lower) || ['week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening'].includes(word.lower);
  if (!isTime) return -1;
  return TIME_OPENERS.has(tokens[k - 1]?.lower ?? '') ? k - 1 : -1;
}

/**
 * Start of "of [the] Capitalised Words" ending at `end`, between a name and its cue. Not when the
 * "of" is inside one name run ("Secretary of State Marco Rubio").
 */
function ofPhraseStart(tokens: readonly Token[], runs: readonly NameRun[], end: number): number | null {
  let k = end;
  while (k >= 0 && tokens[k]?.kind === 'word' && tokens[k]?.capitalized) k--;
  if (tokens[k]?.lower === 'the') k--;
  if (tokens[k]?.lower !== 'of') return null;
  const ofAt = k;
  if (runs.some((r) => r.first < ofAt && r.last > ofAt)) return null;
  const before = runs.find((r) => r.last === ofAt - 1);
  return before && !before.isOrganisation ? ofAt : null;
}

function isDash(tokens: readonly Token[], k: number): boolean {
  const text = tokens[k]?.text ?? '';
  return DASHES.has(text) || (text === '-' && tokens[k - 1]?.text === '-');
}

function dashStart(tokens: readonly Token[], k: number): number {
  return tokens[k]?.text === '-' && tokens[k - 1]?.text === '-' ? k - 1 : k;
}

function findBack(tokens: readonly Token[], from: number, test: (t: Token, k: number) => boolean, limit: number): number | null {
  for (let k = from - 1; k >= 0 && from - k <= limit; k--) {
    const token = tokens[k];
    if (!token || token.kind === 'quote') return null;
    if (test(token, k)) return k;
  }
  return null;
}

/** The comma that opens an appositive closed by the comma at `close`, if it is one. */
function matchingComma(tokens: readonly Token[], close: number): number | null {
  return findBack(tokens, close, (t) => t.kind === 'punct' && t.text === ',', MAX_APPOSITIVE_TOKENS);
}

// The longest relative clause read inside a subject ("an official who spoke on condition of anonymity").
const MAX_RELATIVE_WORDS = 8;

/**
 * "An official who spoke on condition of anonymity said": a subject whose relative clause runs,
 * with no comma, up to the cue. Only an unnamed or role subject is read this way; a name takes
 * its clause in commas ("Brandt, who chairs the talks, said"), handled above.
 */
function restrictedSubject(tokens: readonly Token[], runs: readonly NameRun[], end: number): Found | null {
  for (let k = end; k >= 0 && end - k < MAX_RELATIVE_WORDS; k--) {
    const token = tokens[k];
    if (!token || token.kind !== 'word') return null;
    if (token.lower !== 'who' && token.lower !== 'whom') continue;
    const antecedent = subjectEndingAt(tokens, runs, k - 1);
    const kind = antecedent?.subject.kind;
    return antecedent && (kind === 'anonymous' || kind === 'role') ? { ...antecedent, subjectLast: end } : null;
  }
  return null;
}

const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'dozen', 'several']);

// Words that link an unnamed person to what describes them: "people familiar with the agenda",
// "an aide to the mediator", "officials on both sides", "a police officer on duty at the gate".
const UNNAMED_LINKS = new Set(['close', 'familiar', 'with', 'to', 'for', 'of', 'from', 'in', 'at', 'on', 'inside', 'within', 'near', 'briefed', 'involved']);
// The longest such phrase, in words, from the unnamed person to the cue.
const MAX_UNNAMED_PHRASE = 8;

/**
 * "People familiar with the agenda said": an unnamed person opening the clause, then a linking
 * word and what they are close to, up to the cue. Read only when no other subject ends there.
 */
function unnamedPhraseSubject(tokens: readonly Token[], end: number): Found | null {
  for (let k = end - 1; k >= 0 && end - k <= MAX_UNNAMED_PHRASE; k--) {
    const token = tokens[k];
    if (!token || token.kind !== 'word') return null;
    if (!UNNAMED_PEOPLE.has(token.lower) || !UNNAMED_LINKS.has(tokens[k + 1]?.lower ?? '')) continue;
    // The phrase opens the clause: nothing but a determiner, a number or adjectives before the person.
    let first = k;
    const opener = (t: Token | undefined) => t?.kind === 'word' && !SPEECH_VERBS.has(t.lower) && !PREPOSITIONS.has(t.lower);
    while (first > 0 && k - first < 3 && opener(tokens[first - 1])) first--;
    const before = tokens[first - 1];
    if (before && before.kind === 'word') return null;
    return { subject: { kind: 'anonymous' }, subjectFirst: first, subjectLast: end };
  }
  return null;
}

/** Reads the noun phrase that ends at token `end` as a cue's subject. */
function subjectEndingAt(tokens: readonly Token[], runs: readonly NameRun[], end: number): Found | null {
  const token = tokens[end];
  if (!token || token.kind !== 'word') return null;
  if (token.lower === 'who' && (tokens[end - 1]?.text === ',' || isDash(tokens, end - 1))) {
    const antecedent = subjectEndingAt(tokens, runs, dashStart(tokens, end - 1) - 1);
    return antecedent && { ...antecedent, relative: true };
  }
  // A capitalised "Officials said" at the start of a sentence is a common noun, not a name.
  if (ANONYMOUS_HEADS.has(token.lower) && (end === 0 || tokens[end - 1]?.kind !== 'word')) {
    return { subject: { kind: 'anonymous' }, subjectFirst: end, subjectLast: end };
  }
  const run = runs.find((r) => r.last === end);
  if (run) {
    if (run.possessive) return null;
    // "a Talmorran demand that …": after "a" the name qualifies a noun, and the cue is that noun.
    if (['a', 'an'].includes(tokens[run.first - 1]?.lower ?? '')) return null;
    // "an official in Vrana said": a name after a preposition belongs to a larger phrase.
    const before = tokens[run.first - 1];
    if (before?.kind === 'word' && PREPOSITIONS.has(before.lower)) return { subject: { kind: 'anonymous' }, subjectFirst: run.first, subjectLast: end };
    // "Marwood and Osk said", "Marwood, Osk and Lund told reporters": a statement of each; the first named leads.
    const joint = coordinatedNames(tokens, runs, run);
    if (joint.length > 1) {
      const [first, ...others] = joint as [NameRun, ...NameRun[]];
      return { subject: { kind: 'name', run: first, coordinated: false, others }, subjectFirst: first.nameFirst, subjectLast: end };
    }
    return { subject: { kind: 'name', run, coordinated: false }, subjectFirst: run.nameFirst, subjectLast: end };
  }
  const pronoun = pronounGender(token.lower);
  if (pronoun) return { subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: end, subjectLast: end };
  return nounPhraseSubject(tokens, runs, end);
}

// At most this many people named together as one subject ("X, Y and Z said").
const MAX_JOINT_SPEAKERS = 4;

/**
 * The names coordinated with a subject that ends a phrase: "X and Y", "X, Y and Z" (a comma
 * before "and" allowed), in reading order; just [run] when there is none. A name after a
 * preposition or possessive is not a speaker, so the list stops there.
 */
function coordinatedNames(tokens: readonly Token[], runs: readonly NameRun[], last: NameRun): NameRun[] {
  const names = [last];
  let at = last.first - 1;
  if (tokens[at]?.lower !== 'and') return names;
  at--;
  if (tokens[at]?.text === ',') at--;
  while (names.length < MAX_JOINT_SPEAKERS) {
    const before = runs.find((r) => r.last === at);
    if (!before || before.possessive || before.isOrganisation) break;
    const preceding = tokens[before.first - 1];
    if (preceding?.kind === 'word' && (PREPOSITIONS.has(preceding.lower) || DETERMINERS.has(preceding.lower))) break;
    names.unshift(before);
    if (preceding?.text !== ',') break;
    at = before.first - 2;
  }
  return names.length > 1 && names[0] !== last ? names : [last];
}

/** "the foreign minister" (a role), "officials" / "a spokesman" (anonymous), "X and other leaders". */
function nounPhraseSubject(tokens: readonly Token[], runs: readonly NameRun[], end: number): Found | null {
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
  if (determiner?.lower === 'and') {
    const coordinated = subjectEndingAt(tokens, runs, k - 1);
    if (coordinated?.subject.kind === 'name') {
      return { ...coordinated, subject: { ...coordinated.subject, coordinated: true }, subjectLast: end };
    }
  }
  const plural = head.lower.endsWith('s') && !ROLE_NOUNS.has(head.lower);
  if (isRole && !plural && determiner?.lower === 'the') {
    return { subject: { kind: 'role', role: [...modifiers, head.lower].join(' ') }, subjectFirst: k, subjectLast: end };
  }
  return { subject: { kind: 'anonymous' }, subjectFirst: Math.max(k, 0), subjectLast: end };
}

function pronounGender(lower: string): 'm' | 'f' | null {
  if (MALE_PRONOUNS.has(lower)) return 'm';
  if (FEMALE_PRONOUNS.has(lower)) return 'f';
  return null;
}

/** "“…,” said Lavrov": the inverted order, only where a clause opens before the cue. */
function invertedSubject(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number, cueLast: number): (Found & Partial<CueMatch>) | null {
  const j = skipModifiers(tokens, cueFirst - 1);
  const before = tokens[j];
  const opensClause = !before || before.kind === 'quote' || [',', ':', '—', '–', ';', '('].includes(before.text);
  return opensClause ? subjectAfter(tokens, runs, cueLast) : null;
}

/** The subject after a cue: "said Lavrov", "said MSNBC host Chris Matthews", "according to a statement". */
function subjectAfter(tokens: readonly Token[], runs: readonly NameRun[], cueLast: number): (Found & Partial<CueMatch>) | null {
  const at = cueLast + 1;
  const token = tokens[at];
  if (!token || token.kind !== 'word') return null;
  const base = { inverted: true };
  const pronoun = pronounGender(token.lower);
  if (pronoun) return { ...base, subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: at, subjectLast: at };
  const run = personAfter(tokens, runs, at);
  if (run) return { ...base, subject: { kind: 'name', run, coordinated: false }, subjectFirst: at, subjectLast: run.last, appositive: appositiveAfter(tokens, run.last) };
  if (runs.some((r) => r.first === at)) return { ...base, subject: { kind: 'anonymous' }, subjectFirst: at, subjectLast: at };
  // "according to two diplomats briefed on …": a count of unnamed people opens the phrase as a determiner would.
  const counted = (/^\p{N}+$/u.test(token.text) || COUNT_WORDS.has(token.lower)) && [1, 2].some((d) => UNNAMED_PEOPLE.has(tokens[at + d]?.lower ?? ''));
  if (DETERMINERS.has(token.lower) || ANONYMOUS_HEADS.has(token.lower) || counted) {
    let end = at;
    // Capitalised modifiers before a lower-case head belong to the phrase ("said a Western diplomat").
    const inPhrase = (t: Token | undefined, next: Token | undefined) => t?.kind === 'word' && (!t.capitalized || (next?.kind === 'word' && !next.capitalized));
    while (inPhrase(tokens[end + 1], tokens[end + 2]) && end - at < 5) end++;
    const phrase = nounPhraseSubject(tokens, runs, end);
    return { ...base, ...(phrase ?? { subject: { kind: 'anonymous' }, subjectLast: end }), subjectFirst: at };
  }
  return null;
}

/** A person's name starting right after the cue, or after a short title phrase ("the Rev.", "MSNBC host"). */
function personAfter(tokens: readonly Token[], runs: readonly NameRun[], at: number): NameRun | null {
  for (let k = at; k < tokens.length && k - at < MAX_INVERTED_TITLE; k++) {
    const token = tokens[k];
    if (!token || token.kind === 'quote' || [',', ';', ':', '.', '(', ')'].includes(token.text)) return null;
    if (k > at && token.kind === 'word' && PREPOSITIONS.has(token.lower)) return null;
    const run = runs.find((r) => r.first === k || r.nameFirst === k);
    if (!run || run.isOrganisation || run.possessive) continue;
    const personLike = k === at || run.hasPersonTitle || coreNameWords(run.name).length >= 2;
    if (personLike) return run;
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

/** ", saying …" and "… and said": the speaker is the clause's subject, its first person-like word. */
function clauseSubject(tokens: readonly Token[], runs: readonly NameRun[], cueFirst: number): (Found & Partial<CueMatch>) | null {
  for (let k = 0; k < cueFirst; k++) {
    const token = tokens[k];
    if (!token || token.kind !== 'word') continue;
    if (PREPOSITIONS.has(tokens[k - 1]?.lower ?? '')) continue;
    const run = runs.find((r) => r.nameFirst === k);
    if (run && !run.possessive && !run.isOrganisation) {
      return { subject: { kind: 'name', run, coordinated: false }, subjectFirst: k, subjectLast: run.last, participle: true };
    }
    const pronoun = pronounGender(token.lower);
    if (pronoun) return { subject: { kind: 'pronoun', gender: pronoun }, subjectFirst: k, subjectLast: k, participle: true };
    if (run) return null;
  }
  return null;
}

/** True when the clause holding token `at` opens with "when", "that", "because" and the like. */
function isSubordinate(tokens: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const token = tokens[k];
    if (!token || token.kind === 'quote' || [',', ';', ':', '—', '–'].includes(token.text)) return false;
    if (token.kind === 'word' && SUBORDINATORS.has(token.lower)) return true;
  }
  return false;
}
