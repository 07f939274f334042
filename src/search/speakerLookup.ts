import type { Speaker } from './speakers.js';
import { coreNameWords } from '../attribution/names.js';
import { editDistance, foldWord, words } from './terms.js';
import { SortedNames } from './nameIndex.js';
import { pause } from '../pause.js';

/** How surely a form names one person: a full name beats a surname, which beats a role. */
const enum FormKind {
  Role = 0,
  FirstName = 1,
  Surname = 2,
  FullName = 3,
}

interface FormEntry {
  speakers: Set<number>;
  kind: FormKind;
}

export interface SpeakerMatch {
  speaker: Speaker;
  /** Word positions in the question that named the speaker. */
  from: number;
  to: number;
  fuzzy: boolean;
}

// Names of at least this many letters may carry one typo (one edit, or two swapped letters).
const MIN_FUZZY_LENGTH = 5;
const MAX_FORM_WORDS = 6;

/** Finds the corpus speaker a question names, by any name form or role, in any case, with one typo. */
export class SpeakerLookup {
  private readonly forms: Map<string, FormEntry>;
  /** Speakers with statements, most first: autocomplete's order and its empty-input answer. */
  private readonly mostQuoted: Speaker[];
  /** Whole name forms and their single words, folded, for autocomplete and typos. */
  private readonly quotedForms: SortedNames;
  private readonly quotedWords: SortedNames;
  /** One-word forms of every speaker (surnames, first names), for typos in questions. */
  private readonly singleWords: SortedNames;

  constructor(private readonly speakers: readonly Speaker[], parts: LookupParts = runToEnd(buildParts(speakers))) {
    this.forms = parts.forms;
    this.mostQuoted = parts.mostQuoted;
    this.quotedForms = parts.quotedForms;
    this.quotedWords = parts.quotedWords;
    this.singleWords = parts.singleWords;
  }

  /** Builds the lookup in slices, yielding to the event loop between them: for a swap while serving. */
  static async create(speakers: readonly Speaker[]): Promise<SpeakerLookup> {
    const steps = buildParts(speakers);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return new SpeakerLookup(speakers, step.value);
      await pause();
    }
  }

  /** The best speaker named by the question's words, or null. `skip` marks words that cannot be names. */
  find(questionWords: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    const folded = questionWords.map(foldWord);
    return this.findExact(folded, skip) ?? this.findFuzzy(folded, skip);
  }

  private findExact(folded: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    let best: { match: SpeakerMatch; rank: number } | null = null;
    for (let from = 0; from < folded.length; from++) {
      for (let to = Math.min(folded.length, from + MAX_FORM_WORDS); to > from; to--) {
        const phrase = folded.slice(from, to);
        if (phrase.length === 1 && skip(phrase[0] ?? '')) continue;
        const entry = this.forms.get(phrase.join(' '));
        if (!entry) continue;
        const rank = phrase.length * 10 + entry.kind;
        if (!best || rank > best.rank) best = { match: { speaker: this.pick(entry.speakers), from, to, fuzzy: false }, rank };
      }
    }
    return best?.match ?? null;
  }

  private findFuzzy(folded: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    for (let from = 0; from < folded.length; from++) {
      const word = folded[from] ?? '';
      if (word.length < MIN_FUZZY_LENGTH || skip(word)) continue;
      const ids = new Set<number>();
      this.singleWords.withinOneEdit(word, (id) => ids.add(id));
      if (ids.size > 0) return { speaker: this.pick(ids), from, to: from + 1, fuzzy: true };
    }
    return null;
  }

  /** Of several people sharing a form, the one with most statements, then most mentions. */
  private pick(ids: Set<number>): Speaker {
    const candidates = [...ids].map((id) => this.speakers[id]).filter((s): s is Speaker => !!s);
    candidates.sort((a, b) => b.statements - a.statements || b.mentions - a.mentions || a.id - b.id);
    const first = candidates[0];
    if (!first) throw new Error('speaker form without a speaker');
    return first;
  }

  /**
   * Autocomplete: speakers with statements whose name forms start with the input, or have a
   * word that does, or are one typo away; best match first, then most statements.
   */
  complete(input: string, max: number): Speaker[] {
    const wanted = foldForm(input);
    if (!wanted) return this.mostQuoted.slice(0, max);
    // Best rank per speaker: 0 a form starts with the input, 1 a word does, 2 one typo away.
    const ranks = new Map<number, number>();
    const note = (rank: number) => (id: number) => {
      if (!ranks.has(id) || (ranks.get(id) as number) > rank) ranks.set(id, rank);
    };
    this.quotedForms.withPrefix(wanted, note(0));
    if (!wanted.includes(' ')) this.quotedWords.withPrefix(wanted, note(1));
    if (ranks.size === 0 && wanted.length >= MIN_FUZZY_LENGTH) this.quotedWords.withinOneEdit(wanted, note(2), true);
    const found: Speaker[] = [];
    for (const rank of [0, 1, 2]) {
      for (const speaker of this.mostQuoted) {
        if (found.length >= max) return found;
        if (ranks.get(speaker.id) === rank) found.push(speaker);
      }
    }
    return found;
  }

  /**
   * Speakers whose names are closest to `text`, best first: for "did you mean". Only names that
   * share the first letter of one of its words are measured, at most a few edits away.
   */
  closest(text: string, count: number): Speaker[] {
    const wanted = foldForm(text);
    const candidates = new Set<number>();
    for (const word of wanted.split(' ')) if (word) this.quotedWords.withPrefix(word[0] ?? '', (id) => candidates.add(id));
    const scored = [...candidates]
      .map((id) => this.speakers[id])
      .filter((s): s is Speaker => !!s)
      .map((s) => ({ s, d: nameDistance(wanted, s) }))
      .sort((a, b) => a.d - b.d || b.s.statements - a.s.statements);
    const found = scored.slice(0, count).map((x) => x.s);
    return found.length > 0 ? found : this.mostQuoted.slice(0, count);
  }

}

interface LookupParts {
  forms: Map<string, FormEntry>;
  mostQuoted: Speaker[];
  quotedForms: SortedNames;
  quotedWords: SortedNames;
  singleWords: SortedNames;
}

// Speakers handled between two yields of the sliced build: a few milliseconds of work.
const SPEAKERS_PER_SLICE = 250;

/** The lookup's parts, built in slices: it yields after each one. */
function* buildParts(speakers: readonly Speaker[]): Generator<void, LookupParts> {
  const forms = new Map<string, FormEntry>();
  const add = (form: string, kind: FormKind, id: number) => {
    const key = foldForm(form);
    if (!key) return;
    // A one-word form is a surname or a first name, whatever form it came from.
    const effective = kind === FormKind.FullName && !key.includes(' ') ? FormKind.Surname : kind;
    const entry = forms.get(key);
    if (!entry) forms.set(key, { speakers: new Set([id]), kind: effective });
    else {
      entry.speakers.add(id);
      entry.kind = Math.max(entry.kind, effective);
    }
  };
  for (const [i, speaker] of speakers.entries()) {
    for (const form of speaker.forms) add(form, FormKind.FullName, speaker.id);
    const core = coreNameWords(speaker.name.split(' '));
    if (core.length >= 2) add(`${core[0]} ${core[core.length - 1]}`, FormKind.FullName, speaker.id);
    add(speaker.surname, FormKind.Surname, speaker.id);
    if (core.length >= 2) add(core[0] ?? '', FormKind.FirstName, speaker.id);
    for (const role of speaker.roles) add(role, FormKind.Role, speaker.id);
    if (i % SPEAKERS_PER_SLICE === SPEAKERS_PER_SLICE - 1) yield;
  }
  const mostQuoted = speakers.filter((s) => s.statements > 0).sort(byStatements);
  yield;
  const folded: { id: number; forms: string[] }[] = [];
  for (const [i, s] of mostQuoted.entries()) {
    folded.push({ id: s.id, forms: [...new Set([s.name, ...s.forms].map(foldForm))] });
    if (i % SPEAKERS_PER_SLICE === SPEAKERS_PER_SLICE - 1) yield;
  }
  const quotedForms = new SortedNames(folded.flatMap((s) => s.forms.map((f): [string, number] => [f, s.id])));
  yield;
  // Each word once per speaker: "Envoy Ana Ruiz" and "Ana Ruiz" share two.
  const quotedWords = new SortedNames(folded.flatMap((s) => [...new Set(s.forms.flatMap((f) => f.split(' ')))].map((w): [string, number] => [w, s.id])));
  yield;
  const singleWords = new SortedNames(
    [...forms.entries()]
      .filter(([form, entry]) => !form.includes(' ') && entry.kind !== FormKind.Role && form.length >= MIN_FUZZY_LENGTH)
      .flatMap(([form, entry]) => [...entry.speakers].map((id): [string, number] => [form, id])),
  );
  return { forms, mostQuoted, quotedForms, quotedWords, singleWords };
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

function byStatements(a: Speaker, b: Speaker): number {
  return b.statements - a.statements || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
}

// Roles and titles repeat across thousands of speakers: each distinct form is folded once.
const folded = new Map<string, string>();
const MAX_MEMO = 200_000;

function foldForm(form: string): string {
  let out = folded.get(form);
  if (out === undefined) {
    out = words(form).map(foldWord).join(' ');
    if (folded.size < MAX_MEMO) folded.set(form, out);
  }
  return out;
}

// Beyond this many edits a name is no longer a useful suggestion.
const MAX_SUGGESTION_EDITS = 3;

function nameDistance(wanted: string, speaker: Speaker): number {
  const candidates = [foldForm(speaker.name), foldForm(speaker.surname)];
  return Math.min(...candidates.map((c) => editDistance(wanted, c, MAX_SUGGESTION_EDITS)));
}
