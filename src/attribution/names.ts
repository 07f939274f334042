import type { Token } from './tokens.js';
import { foldWord } from '../text/fold.js';
import {
  CALENDAR_WORDS, HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, NON_NAME_WORDS, ORGANISATION_WORDS,
  ROLE_NOUNS, TITLE_WORDS,
} from './lexicon.js';

/** A run of capitalised words in a sentence, split into its title and the name itself. */
export interface NameRun {
  /** Token indices of the whole run, inclusive. */
  first: number;
  /** Token index where the name itself starts, after any title. */
  nameFirst: number;
  last: number;
  /** Title words in front of the name ("Russian Foreign Minister"), as written. */
  title: string[];
  /** The name's own words ("Sergey Lavrov"), as written, possessive ’s removed. */
  name: string[];
  possessive: boolean;
  /** "Mr."/"Ms."/"Sen." or a role title marks a person for certain. */
  hasPersonTitle: boolean;
  gender: 'm' | 'f' | null;
  isOrganisation: boolean;
}

const NEVER_IN_NAMES = new Set([
  'department', 'ministry', 'committee', 'commission', 'university', 'institute', 'association',
  'agency', 'administration', 'government', 'embassy', 'foundation', 'corporation', 'company',
  'news', 'times', 'party', 'campaign', 'council', 'court', 'congress', 'senate', 'parliament',
]);
const CONNECTORS_AFTER_TITLE = new Set(['of', 'for', 'the']);

/** Finds every run of capitalised words outside quotes, longest first-to-last. */
export function findNameRuns(tokens: readonly Token[]): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsRun(tokens, i)) {
      i++;
      continue;
    }
    const last = extendRun(tokens, i);
    const run = parseRun(tokens, i, last);
    if (run) runs.push(run);
    i = last + 1;
  }
  return runs;
}

function startsRun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return !!token && token.kind === 'word' && token.capitalized;
}

function extendRun(tokens: readonly Token[], first: number): number {
  let last = first;
  while (!tokens[last]?.possessive) {
    const next = tokens[last + 1];
    if (!next || next.kind !== 'word') break;
    if (next.capitalized) {
      last++;
      continue;
    }
    const after = tokens[last + 2];
    const joinsName = NAME_PARTICLES.has(next.lower) ||
      (CONNECTORS_AFTER_TITLE.has(next.lower) && TITLE_WORDS.has(tokens[last]?.lower ?? ''));
    if (joinsName && after?.kind === 'word' && after.capitalized) {
      last += 2;
      continue;
    }
    if (NAME_SUFFIXES.has(next.lower)) last++;
    break;
  }
  return last;
}

/** Splits a run into title and name; null when nothing of a name is left. */
export function parseRun(tokens: readonly Token[], first: number, last: number): NameRun | null {
  const words = tokens.slice(first, last + 1);
  let titleEnd = -1;
  for (let k = 0; k < words.length - 1; k++) {
    const lower = words[k]?.lower ?? '';
    if (TITLE_WORDS.has(lower) || lower in HONORIFICS) titleEnd = k;
  }
  let nameStart = titleEnd + 1;
  // A sentence's first word is capitalised anyway: "The", "Separately", "Rival".
  while (nameStart < words.length - 1 && NON_NAME_WORDS.has(words[nameStart]?.lower ?? '')) nameStart++;
  // "President of Talmorra Corwin Aldemar", "Minister of Energy Petra Vossberg": a name never
  // starts with "of"; the place belongs to the title, and the name is its last two words (one when only one is left).
  if (titleEnd >= 0 && nameStart === titleEnd + 1 && CONNECTORS_AFTER_TITLE.has(words[nameStart]?.lower ?? '')) {
    let placeStart = nameStart + 1;
    while (placeStart < words.length - 1 && CONNECTORS_AFTER_TITLE.has(words[placeStart]?.lower ?? '')) placeStart++;
    const rest = words.length - placeStart;
    if (rest >= 2) {
      nameStart = words.length - (rest >= 3 ? 2 : 1);
      titleEnd = nameStart - 1;
    }
  }
  const nameWords = words.slice(nameStart);
  const title = words.slice(0, titleEnd + 1);
  if (nameWords.length === 0 || nameWords.every((w) => NON_NAME_WORDS.has(w.lower))) return null;
  const lastWord = nameWords[nameWords.length - 1];
  const name = nameWords.map((w) => w.text);
  const lowerName = nameWords.map((w) => w.lower);
  let gender: 'm' | 'f' | null = null;
  let hasPersonTitle = false;
  for (const word of title) {
    if (word.lower in HONORIFICS) {
      hasPersonTitle = true;
      gender = HONORIFICS[word.lower] ?? null;
    } else if (ROLE_NOUNS.has(word.lower.replace(/\.$/, '')) || /\.$/.test(word.text)) {
      hasPersonTitle = true;
    }
  }
  // An organisation word heads its phrase ("Patriot Coal", "White House"); elsewhere it may be a
  // name ("Bill de Blasio"). A few words are never part of a person's name.
  const isOrganisation =
    ORGANISATION_WORDS.has(lowerName[lowerName.length - 1] ?? '') ||
    lowerName.some((w) => NEVER_IN_NAMES.has(w) || CALENDAR_WORDS.has(w)) ||
    // "the President said" is a bare title; "Mr. King said" is a name.
    (lowerName.every((w) => TITLE_WORDS.has(w)) && !title.some((w) => w.lower in HONORIFICS)) ||
    name.every((w) => /^(?:[\p{Lu}\p{N}&-]{2,}|(?:\p{Lu}\.){2,})$/u.test(w)) ||
    /\p{N}/u.test(name.join(''));
  return {
    first,
    nameFirst: first + nameStart,
    last,
    title: title.map((w) => w.text),
    name,
    possessive: !!lastWord?.possessive,
    hasPersonTitle,
    gender,
    isOrganisation,
  };
}

const INITIAL = /^\p{Lu}\.?$/u;
// Capitalised only at the start of a surname ("De Blasio"); "Al" or "El" there is a first name.
const CAPITALISED_PARTICLES = new Set(['de', 'van', 'von', 'du', 'di', 'da', 'del', 'della', 'der', 'den', 'le', 'la', 'dos', 'das', 'ter', 'ten']);

export function isParticle(word: string): boolean {
  const lower = word.toLowerCase();
  return word === lower ? NAME_PARTICLES.has(lower) : CAPITALISED_PARTICLES.has(lower);
}

/** The words of a name that identify it: no initials, no suffix; "de Blasio" is one word. */
export function coreNameWords(name: readonly string[]): string[] {
  const core: string[] = [];
  let particle = '';
  for (const word of name) {
    if (INITIAL.test(word) || NAME_SUFFIXES.has(word.toLowerCase())) continue;
    if (isParticle(word) && word !== name[name.length - 1]) {
      particle += `${word} `;
      continue;
    }
    core.push(particle + word);
    particle = '';
  }
  return core;
}

/** "Donald J. Trump" and "Donald Trump" share the key "donald trump"; a suffix is kept. */
export function nameKey(name: readonly string[]): string {
  const core = coreNameWords(name);
  const suffix = name.find((w) => NAME_SUFFIXES.has(w.toLowerCase()));
  const first = core[0] ?? '';
  const lastName = core.length > 1 ? core[core.length - 1] ?? '' : '';
  return normalizeName([first, lastName, suffix ?? ''].filter(Boolean).join(' '));
}

/** Folded (see foldWord) and without punctuation but hyphens: for comparing name forms. */
export function normalizeName(text: string): string {
  return text
    .split(/\s+/)
    .map(foldWord)
    .join(' ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function surnameOf(name: readonly string[]): string {
  const core = coreNameWords(name);
  return core[core.length - 1] ?? name[name.length - 1] ?? '';
}
