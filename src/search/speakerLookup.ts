import type { Speaker } from './speakers.js';
import { coreNameWords } from '../attribution/names.js';
import { editDistance, foldWord, words } from '../index/terms.js';
import { nameTable, SortedNames, type NameTable } from './nameIndex.js';

/** How surely a form names one person: a full name beats a surname, which beats a role. */
const enum FormKind {
  Role = 0,
  FirstName = 1,
  Surname = 2,
  FullName = 3,
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

/**
 * The sorted tables a lookup searches, computed once per index where it is built (a build
 * thread, or a snapshot), so that putting an index in service sorts nothing.
 */
export interface LookupTables {
  /** Every form of every speaker: full names, surnames, first names, roles. */
  forms: NameTable;
  /** Per entry of `forms`: how surely its key names a person (the strongest use of that key). */
  formKinds: Uint8Array;
  /** Whole name forms, and their single words, of speakers with statements: autocomplete and typos. */
  quotedForms: NameTable;
  quotedWords: NameTable;
  /** One-word forms of every speaker (surnames, first names), for typos in questions. */
  singleWords: NameTable;
  /** Speakers with statements, most first: autocomplete's order and its empty-input answer. */
  mostQuoted: Uint32Array;
}

/** Finds the corpus speaker a question names, by any name form or role, in any case, with one typo. */
export class SpeakerLookup {
  private readonly forms: SortedNames;
  private readonly formKinds: Uint8Array;
  private readonly mostQuoted: Speaker[];
  private readonly quotedForms: SortedNames;
  private readonly quotedWords: SortedNames;
  private readonly singleWords: SortedNames;

  constructor(private readonly speakers: readonly Speaker[], tables: LookupTables = lookupTables(speakers)) {
    this.forms = new SortedNames(tables.forms);
    this.formKinds = tables.formKinds;
    this.mostQuoted = Array.from(tables.mostQuoted, (id) => speakers[id]).filter((s): s is Speaker => !!s);
    this.quotedForms = new SortedNames(tables.quotedForms);
    this.quotedWords = new SortedNames(tables.quotedWords);
    this.singleWords = new SortedNames(tables.singleWords);
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
        const [first, last] = this.forms.exact(phrase.join(' '));
        if (first === last) continue;
        const rank = phrase.length * 10 + (this.formKinds[first] as number);
        if (!best || rank > best.rank) best = { match: { speaker: this.pick(range(first, last).map((i) => this.forms.ownerAt(i))), from, to, fuzzy: false }, rank };
      }
    }
    return best?.match ?? null;
  }

  private findFuzzy(folded: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    for (let from = 0; from < folded.length; from++) {
      const word = folded[from] ?? '';
      if (word.length < MIN_FUZZY_LENGTH || skip(word)) continue;
      const ids: number[] = [];
      this.singleWords.withinOneEdit(word, (id) => ids.push(id));
      if (ids.length > 0) return { speaker: this.pick(ids), from, to: from + 1, fuzzy: true };
    }
    return null;
  }

  /** Of several people sharing a form, the one with most statements, then most mentions. */
  private pick(ids: readonly number[]): Speaker {
    const candidates = [...new Set(ids)].map((id) => this.speakers[id]).filter((s): s is Speaker => !!s);
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

/** The lookup's tables for these speakers (see LookupTables). */
export function lookupTables(speakers: readonly Speaker[]): LookupTables {
  const forms = formsOf(speakers);
  const formTable = nameTable([...forms].flatMap(([key, entry]) => [...entry.speakers].map((id): [string, number] => [key, id])));
  const quoted = speakers.filter((s) => s.statements > 0).sort(byStatements);
  const quotedForms = quoted.map((s) => ({ id: s.id, forms: [...new Set([s.name, ...s.forms].map(foldForm))] }));
  return {
    forms: formTable,
    formKinds: Uint8Array.from(formTable.keys, (key) => forms.get(key)?.kind ?? FormKind.Role),
    quotedForms: nameTable(quotedForms.flatMap((s) => s.forms.map((f): [string, number] => [f, s.id]))),
    quotedWords: nameTable(quotedForms.flatMap((s) => s.forms.flatMap((f) => f.split(' ').map((w): [string, number] => [w, s.id])))),
    singleWords: nameTable(
      [...forms.entries()]
        .filter(([form, entry]) => !form.includes(' ') && entry.kind !== FormKind.Role && form.length >= MIN_FUZZY_LENGTH)
        .flatMap(([form, entry]) => [...entry.speakers].map((id): [string, number] => [form, id])),
    ),
    mostQuoted: Uint32Array.from(quoted, (s) => s.id),
  };
}

/** Every folded form that names someone, with whom and how surely. */
function formsOf(speakers: readonly Speaker[]): Map<string, { speakers: Set<number>; kind: FormKind }> {
  const forms = new Map<string, { speakers: Set<number>; kind: FormKind }>();
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
  for (const speaker of speakers) {
    for (const form of speaker.forms) add(form, FormKind.FullName, speaker.id);
    const core = coreNameWords(speaker.name.split(' '));
    if (core.length >= 2) add(`${core[0]} ${core[core.length - 1]}`, FormKind.FullName, speaker.id);
    add(speaker.surname, FormKind.Surname, speaker.id);
    if (core.length >= 2) add(core[0] ?? '', FormKind.FirstName, speaker.id);
    for (const role of speaker.roles) add(role, FormKind.Role, speaker.id);
  }
  return forms;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
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

const TABLES = ['forms', 'quotedForms', 'quotedWords', 'singleWords'] as const;
type TableName = (typeof TABLES)[number];

/** The tables' keys as text, one key a line per table: how they cross threads and are saved. */
export type LookupText = Record<TableName, string>;
/** The tables' typed arrays: each table's owners, the form kinds, the most quoted. */
export type LookupArrays = Record<TableName, Uint32Array> & { formKinds: Uint8Array; mostQuoted: Uint32Array };

/** Splits tables into text and typed arrays (no object per key), to send or save. */
export function lookupToWire(tables: LookupTables): { text: LookupText; arrays: LookupArrays } {
  const text = Object.fromEntries(TABLES.map((name) => [name, tables[name].keys.join('\n')])) as LookupText;
  const owners = Object.fromEntries(TABLES.map((name) => [name, tables[name].owners])) as Record<TableName, Uint32Array>;
  return { text, arrays: { ...owners, formKinds: tables.formKinds, mostQuoted: tables.mostQuoted } };
}

/** The tables again from lookupToWire's parts. Keys never hold a line break: they are folded words joined by spaces. */
export function lookupFromWire(text: LookupText, arrays: LookupArrays): LookupTables {
  const table = (name: TableName): NameTable => {
    const keys = text[name] === '' ? [] : text[name].split('\n');
    if (keys.length !== arrays[name].length) throw new Error(`the ${name} table has ${keys.length} keys for ${arrays[name].length} owners`);
    return { keys, owners: arrays[name] };
  };
  return {
    forms: table('forms'), formKinds: arrays.formKinds, quotedForms: table('quotedForms'), quotedWords: table('quotedWords'),
    singleWords: table('singleWords'), mostQuoted: arrays.mostQuoted,
  };
}
