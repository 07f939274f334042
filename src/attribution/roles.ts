import type { Token } from './tokens.js';
import { HONORIFICS, ROLE_NOUNS } from './lexicon.js';

// Abbreviated titles stand for these roles, so "Sen. Jane Doe" is "the senator" later on.
const TITLE_ABBREVIATIONS: Record<string, string> = {
  'sen.': 'senator', sen: 'senator', 'rep.': 'representative', rep: 'representative',
  'gov.': 'governor', gov: 'governor', 'gen.': 'general', 'sec.': 'secretary', 'amb.': 'ambassador',
  'pres.': 'president', 'atty.': 'attorney', 'adm.': 'admiral', 'col.': 'colonel', 'capt.': 'captain',
  'del.': 'delegate', 'rev.': 'reverend', 'lt.': 'lieutenant', 'sgt.': 'sergeant', 'prof.': 'professor', 'supt.': 'superintendent',
};

/**
 * Role forms from a title in front of a name: "Russian Foreign Minister" gives
 * "russian foreign minister", "foreign minister" and "minister". Null when there is no role.
 */
export function roleFromTitle(title: readonly string[]): string[] | null {
  const words = title
    .map((w) => w.toLowerCase())
    .filter((w) => !(w in HONORIFICS))
    .map((w) => TITLE_ABBREVIATIONS[w] ?? w);
  const headAt = lastRoleIndex(words);
  if (headAt < 0) return null;
  const phrase = words.slice(0, headAt + 1);
  const forms = new Set<string>();
  for (let from = 0; from <= headAt; from++) forms.add(phrase.slice(from).join(' '));
  // "secretary of state" names the role as a whole too.
  if (headAt < words.length - 1) forms.add(words.join(' '));
  return [...forms];
}

/** Role forms from lower-case words around a name: "a senior adviser to the president". */
export function roleFromWords(tokens: readonly Token[]): string[] | null {
  const words = tokens.map((t) => t.lower);
  const nouns = roleNounsFromWords(tokens, words);
  const relative = roleFromRelativeClause(words);
  if (!nouns && !relative) return null;
  return [...new Set([...(nouns ?? []), ...(relative ?? [])])];
}

// "the diplomat who chairs the talks" is the chair: what a person does, named as a role.
const ROLE_VERBS: Record<string, string> = {
  chairs: 'chair', chaired: 'chair', heads: 'head', headed: 'head', leads: 'leader', led: 'leader', mediates: 'mediator', mediated: 'mediator',
};

function roleFromRelativeClause(words: readonly string[]): string[] | null {
  const who = words.indexOf('who');
  const role = who >= 0 ? ROLE_VERBS[words[who + 1] ?? ''] : undefined;
  return role ? [role] : null;
}

function roleNounsFromWords(tokens: readonly Token[], words: readonly string[]): string[] | null {
  let headAt = words.findIndex((w, k) => ROLE_NOUNS.has(w) && !tokens[k]?.capitalized);
  if (headAt < 0) return null;
  // "chief negotiator": the head is the last of adjacent role nouns.
  while (ROLE_NOUNS.has(words[headAt + 1] ?? '') && !tokens[headAt + 1]?.capitalized) headAt++;
  let from = headAt;
  while (from > 0 && !['a', 'an', 'the'].includes(words[from - 1] ?? '') && !tokens[from - 1]?.possessive && !tokens[from - 1]?.capitalized && headAt - from < 4) from--;
  const phrase = words.slice(from, headAt + 1);
  const forms = new Set<string>();
  for (let k = 0; k < phrase.length; k++) forms.add(phrase.slice(k).join(' '));
  return [...forms];
}

function lastRoleIndex(words: readonly string[]): number {
  for (let k = words.length - 1; k >= 0; k--) if (ROLE_NOUNS.has(words[k] ?? '')) return k;
  return -1;
}
