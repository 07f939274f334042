import type { ArticlePerson } from '../attribution/people.js';
import { coreNameWords } from '../attribution/names.js';
import { foldWord } from '../index/terms.js';

/** One person across the whole corpus, with every form of their name the articles use. */
export interface Speaker {
  id: number;
  name: string;
  surname: string;
  forms: string[];
  roles: string[];
  statements: number;
  mentions: number;
}

interface SpeakerDraft {
  id: number;
  key: string;
  surname: string;
  names: Map<string, number>;
  forms: Set<string>;
  roles: Set<string>;
  statements: number;
  mentions: number;
  confirmed: boolean;
}

/**
 * Merges each article's people into corpus speakers: one full name is one person everywhere,
 * and a person an article only names by surname joins the corpus's best-known bearer of it.
 */
export class SpeakerDirectory {
  readonly speakers: Speaker[];
  private readonly byPerson: Map<ArticlePerson, number>;

  private constructor(speakers: Speaker[], byPerson: Map<ArticlePerson, number>) {
    this.speakers = speakers;
    this.byPerson = byPerson;
  }

  /** A directory of known speakers, as loaded from a snapshot: no article people to map. */
  static of(speakers: Speaker[]): SpeakerDirectory {
    return new SpeakerDirectory(speakers, new Map());
  }

  /** `articles[i].speaking` lists, sentence by sentence, who the article reports speaking. */
  static build(articles: readonly { people: readonly ArticlePerson[]; speaking: Iterable<ArticlePerson | null> }[]): SpeakerDirectory {
    const drafts = new Map<string, SpeakerDraft>();
    const byPerson = new Map<ArticlePerson, SpeakerDraft>();
    const people = articles.flatMap((a) => a.people);
    for (const person of people.filter((p) => coreNameWords(p.name).length >= 2)) {
      byPerson.set(person, mergeInto(drafts, person.key, person));
    }
    const variants = mergeFirstNameVariants(drafts);
    for (const [person, draft] of byPerson) byPerson.set(person, variants.get(draft) ?? draft);
    const bearers = bySurname(drafts);
    for (const person of people.filter((p) => coreNameWords(p.name).length < 2)) {
      const bearer = bestBearer(bearers, person.surname);
      // A bare surname nobody in the corpus bears in full could be an outlet ("Politifact said").
      if (bearer) byPerson.set(person, absorb(bearer, person));
      else if (person.confirmed) byPerson.set(person, mergeInto(drafts, person.key, person));
    }
    for (const article of articles) {
      for (const person of article.speaking) {
        const draft = person ? byPerson.get(person) : undefined;
        if (draft) draft.statements++;
      }
    }
    const kept = [...drafts.values()].filter((d) => d.statements > 0 || d.confirmed);
    const speakers = kept.map((d, id) => toSpeaker(d, id));
    const idOf = new Map(kept.map((d, id) => [d, id]));
    const personIds = new Map<ArticlePerson, number>();
    for (const [person, draft] of byPerson) {
      const id = idOf.get(draft);
      if (id !== undefined) personIds.set(person, id);
    }
    return new SpeakerDirectory(speakers, personIds);
  }

  idOf(person: ArticlePerson): number | null {
    return this.byPerson.get(person) ?? null;
  }

  get(id: number): Speaker | undefined {
    return this.speakers[id];
  }
}

function mergeInto(drafts: Map<string, SpeakerDraft>, key: string, person: ArticlePerson): SpeakerDraft {
  let draft = drafts.get(key);
  if (!draft) {
    draft = {
      id: drafts.size, key, surname: person.surname, names: new Map(), forms: new Set(), roles: new Set(),
      statements: 0, mentions: 0, confirmed: false,
    };
    drafts.set(key, draft);
  }
  return absorb(draft, person);
}

function absorb(draft: SpeakerDraft, person: ArticlePerson): SpeakerDraft {
  const name = person.name.join(' ');
  if (coreNameWords(person.name).length >= 2 || draft.names.size === 0) {
    draft.names.set(name, (draft.names.get(name) ?? 0) + 1);
  }
  for (const form of person.forms) draft.forms.add(form);
  for (const role of person.roles) draft.roles.add(role);
  draft.mentions += person.mentions;
  draft.confirmed ||= person.confirmed;
  return draft;
}

/**
 * "Len Burman" and "Leonard E. Burman" are one person: same surname, and one first name a short
 * form of the other. The less mentioned form joins the more mentioned. Returns the drafts that
 * were merged away, each with the draft it joined.
 */
function mergeFirstNameVariants(drafts: Map<string, SpeakerDraft>): Map<SpeakerDraft, SpeakerDraft> {
  const merged = new Map<SpeakerDraft, SpeakerDraft>();
  const bySurname = new Map<string, SpeakerDraft[]>();
  for (const draft of drafts.values()) {
    const key = `${foldWord(draft.surname)}|${draft.key.split(' ').length}`;
    bySurname.set(key, [...(bySurname.get(key) ?? []), draft]);
  }
  for (const group of bySurname.values()) {
    group.sort((a, b) => b.mentions - a.mentions);
    for (const [i, draft] of group.entries()) {
      const first = draft.key.split(' ')[0] ?? '';
      const into = group.slice(0, i).find((other) => !merged.has(other) && compatibleFirstNames(first, other.key.split(' ')[0] ?? ''));
      if (!into) continue;
      merged.set(draft, into);
      drafts.delete(draft.key);
      into.mentions += draft.mentions;
      for (const [name, count] of draft.names) into.names.set(name, (into.names.get(name) ?? 0) + count);
      for (const form of draft.forms) into.forms.add(form);
      for (const role of draft.roles) into.roles.add(role);
      into.confirmed ||= draft.confirmed;
    }
  }
  return merged;
}

// A short form has at most this many letters ("Len", "Tom", "Dan", "Bern").
const MAX_SHORT_FORM = 4;

/**
 * Equal, or a short form of the other: same first letter, and every letter of the short form in
 * order in the long one (Len/Leonard, Tom/Thomas, Jim/James). Bill and Hillary stay apart.
 */
export function compatibleFirstNames(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < 2 || shorter.length > MAX_SHORT_FORM || shorter[0] !== longer[0]) return false;
  let at = 0;
  for (const letter of longer) if (letter === shorter[at]) at++;
  return at === shorter.length;
}

/** Full-name speakers by folded surname. */
function bySurname(drafts: Map<string, SpeakerDraft>): Map<string, SpeakerDraft[]> {
  const out = new Map<string, SpeakerDraft[]>();
  for (const draft of drafts.values()) {
    if (draft.key.split(' ').length < 2) continue;
    const key = foldWord(draft.surname);
    out.set(key, [...(out.get(key) ?? []), draft]);
  }
  return out;
}

/** The speaker a lone surname most likely means: the most mentioned one bearing it. */
function bestBearer(bearers: Map<string, SpeakerDraft[]>, surname: string): SpeakerDraft | null {
  let best: SpeakerDraft | null = null;
  for (const draft of bearers.get(foldWord(surname)) ?? []) if (!best || draft.mentions > best.mentions) best = draft;
  return best;
}

function toSpeaker(draft: SpeakerDraft, id: number): Speaker {
  // The form the articles use most; on a tie the shorter, which drops middle initials.
  const name = [...draft.names.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? draft.key;
  return {
    id,
    name,
    surname: draft.surname,
    forms: [...new Set([name, ...draft.forms, draft.surname])],
    roles: [...draft.roles],
    statements: draft.statements,
    mentions: draft.mentions,
  };
}
