import { coreNameWords, nameKey, normalizeName, surnameOf, type NameRun } from './names.js';

/** A person named in one article, with every form the article uses for them. */
export interface ArticlePerson {
  key: string;
  /** The longest form of the name without a title ("Sergey Lavrov"). */
  name: string[];
  surname: string;
  /** Name forms as written: with title, full, surname ("Russian Foreign Minister Sergey Lavrov"). */
  forms: Set<string>;
  /** Role phrases in lower case ("foreign minister", "minister"). */
  roles: Set<string>;
  gender: 'm' | 'f' | null;
  mentions: number;
  /** A title, honorific, appositive or speech cue showed this is a person, not a place or thing. */
  confirmed: boolean;
}

/** The people of one article: full names, and their surnames and roles pointing back to them. */
export class ArticlePeople {
  private readonly byKey = new Map<string, ArticlePerson>();
  /** Folded surnames (and their last words: "varga" for "de Varga") and first names, to people. */
  private readonly bySurname = new Map<string, ArticlePerson[]>();
  private readonly byFirstName = new Map<string, ArticlePerson[]>();
  /** Sentence index of each person's latest full-name mention, for lone surnames. */
  private readonly lastSeen = new Map<ArticlePerson, number>();
  private sentence = 0;

  /** Moves to sentence `index`; a full-name mention there is noted for the surnames after it. */
  at(index: number): void {
    this.sentence = index;
  }

  noteSeen(person: ArticlePerson): void {
    this.lastSeen.set(person, this.sentence);
  }

  /** Records a run that names someone in two or more words; returns the person or null. */
  addFullName(run: NameRun, evidence: boolean): ArticlePerson | null {
    if (run.isOrganisation || coreNameWords(run.name).length < 2) return null;
    const key = nameKey(run.name);
    let person = this.byKey.get(key);
    if (!person) {
      person = {
        key, name: run.name, surname: surnameOf(run.name), forms: new Set(), roles: new Set(),
        gender: null, mentions: 0, confirmed: false,
      };
      this.byKey.set(key, person);
      this.register(person);
    }
    if (run.name.length > person.name.length) person.name = run.name;
    person.mentions++;
    person.forms.add(run.name.join(' '));
    if (run.title.length > 0) person.forms.add([...run.title, ...run.name].join(' '));
    person.gender ??= run.gender;
    person.confirmed ||= evidence || run.hasPersonTitle;
    return person;
  }

  /** A person the article only ever names by one word: confirmed when titled ("Mr. Okafor"). */
  addSingleName(name: readonly string[], gender: 'm' | 'f' | null, confirmed = false): ArticlePerson {
    const key = normalizeName(name.join(' '));
    let person = this.byKey.get(key);
    if (!person) {
      person = {
        key, name: [...name], surname: surnameOf(name), forms: new Set([name.join(' ')]), roles: new Set(),
        gender, mentions: 1, confirmed,
      };
      this.byKey.set(key, person);
      this.register(person);
    }
    return person;
  }

  addRole(person: ArticlePerson, role: string): void {
    const normalized = normalizeName(role);
    if (normalized) person.roles.add(normalized);
  }

  /** Indexes a new person by folded surname ("de varga" and "varga") and first name. */
  private register(person: ArticlePerson): void {
    const surname = normalizeName(person.surname);
    const keys = new Set([surname, surname.split(' ').pop() ?? surname]);
    for (const key of keys) this.bySurname.set(key, [...(this.bySurname.get(key) ?? []), person]);
    const core = coreNameWords(person.name);
    if (core.length >= 2) {
      const first = normalizeName(core[0] ?? '');
      this.byFirstName.set(first, [...(this.byFirstName.get(first) ?? []), person]);
    }
  }

  /** Counts a one-word mention ("Lavrov") towards the person it most likely names. */
  countMention(word: string): void {
    const person = this.bySingleName(word);
    if (person) person.mentions++;
  }

  get(key: string): ArticlePerson | undefined {
    return this.byKey.get(key);
  }

  all(): ArticlePerson[] {
    return [...this.byKey.values()];
  }

  /**
   * Resolves the name of a run to a person of this article: the full name itself, a longer run
   * that ends in a known full name ("Rival Hillary Clinton"), or a surname or first name.
   */
  resolve(name: readonly string[]): ArticlePerson | null {
    for (let from = 0; from < name.length - 1; from++) {
      const person = this.byKey.get(nameKey(name.slice(from)));
      if (person) return person;
    }
    const core = coreNameWords(name);
    if (core.length === 1) return this.bySingleName(core[0] ?? '');
    return null;
  }

  /** The most mentioned person with this surname, or else this first name. */
  bySingleName(word: string): ArticlePerson | null {
    const wanted = normalizeName(word);
    const bySurname = this.bySurname.get(wanted) ?? [];
    const matches = bySurname.length > 0 ? bySurname : this.byFirstName.get(wanted) ?? [];
    return this.justNamed(matches) ?? mostMentioned(matches);
  }

  /**
   * Of several people sharing a surname, the one named in full in the last few sentences
   * ("Homeland Security Secretary Jeh Johnson says … Johnson tells …"); else null.
   */
  private justNamed(people: ArticlePerson[]): ArticlePerson | null {
    if (people.length < 2) return null;
    let best: ArticlePerson | null = null;
    let bestAt = -1;
    for (const person of people) {
      const seen = this.lastSeen.get(person);
      if (seen !== undefined && seen <= this.sentence && this.sentence - seen <= RECENT_SENTENCES && seen > bestAt) {
        best = person;
        bestAt = seen;
      }
    }
    return best;
  }

  /**
   * The one person the article gave this role ("the foreign minister"), or null if none or
   * several. Of several, the one who holds it plainly: "the minister" is the Foreign Minister,
   * not the Deputy Minister.
   */
  byRole(role: string): ArticlePerson | null {
    const wanted = normalizeName(role);
    const exact = this.all().filter((p) => p.roles.has(wanted));
    if (exact.length > 0) return plainHolder(exact, wanted);
    const head = wanted.split(' ').pop() ?? '';
    const byHead = this.all().filter((p) => [...p.roles].some((r) => r.split(' ').pop() === head));
    // Only one person with a role of that head word: a wanted "democratic nominee" is no plain "nominee".
    return byHead.length === 1 ? byHead[0] ?? null : null;
  }
}

/** The one of these people who holds the role, or of several the one who holds it plainly. */
function plainHolder(people: ArticlePerson[], role: string): ArticlePerson | null {
  if (people.length === 1) return people[0] ?? null;
  const plain = people.filter((p) => holdsPlainly(p, role));
  return plain.length === 1 ? plain[0] ?? null : null;
}

// Words that make a role someone else's rank: a deputy minister is not "the minister".
const SUBORDINATE_QUALIFIERS = new Set(['deputy', 'vice', 'assistant', 'associate', 'under', 'junior', 'former', 'ex', 'shadow']);

/**
 * The person's fullest role phrases that end in `role` ("foreign minister", "deputy minister")
 * include one with no qualifier like "deputy" or "former" before the role.
 */
function holdsPlainly(person: ArticlePerson, role: string): boolean {
  const endings = [...person.roles].filter((r) => r === role || r.endsWith(` ${role}`));
  const fullest = endings.filter((r) => !endings.some((other) => other !== r && other.endsWith(` ${r}`)));
  return fullest.some((r) => !r.slice(0, r.length - role.length).split(' ').some((w) => SUBORDINATE_QUALIFIERS.has(w)));
}

const RECENT_SENTENCES = 2;

function mostMentioned(people: ArticlePerson[]): ArticlePerson | null {
  let best: ArticlePerson | null = null;
  for (const person of people) if (!best || person.mentions > best.mentions) best = person;
  return best;
}
