import type { Article } from '../corpus/types.js';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'rk', 'nt'];
const FUNCTION_WORDS = ['the', 'a', 'of', 'to', 'in', 'and', 'on', 'for', 'with', 'that', 'by', 'at', 'from', 'its', 'their', 'new', 'more'];
const VERBS = ['said', 'told reporters', 'warned', 'added', 'argued', 'insisted', 'noted', 'announced'];
const ROLES = ['foreign minister', 'trade minister', 'spokeswoman', 'envoy', 'senator', 'chief negotiator', 'adviser', 'ambassador'];
const OUTLETS = ['Northern Ledger', 'Harbour Courier', 'Valley Post', 'Continental Review', 'Island Gazette', 'Meridian Wire'];

function word(next: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(next, ONSETS) + pick(next, VOWELS) + pick(next, CODAS);
  return w;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Zipf-like: index i drawn with weight about 1/(i+1). */
function zipf(next: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1)) - 1));
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export interface SyntheticCorpus {
  articles: Article[];
  sentences: number;
  /** Full names of the people who speak in it. */
  people: string[];
  vocabulary: string[];
}

const SENTENCES_PER_ARTICLE = 20;
const SENTENCES_PER_PARAGRAPH = 2;

/**
 * A deterministic corpus of news-like articles: named people with titles, direct and indirect
 * quotes in all three orders, pronoun follow-ups, anonymous sources and narration, over a
 * Zipf-distributed vocabulary. About `sentences` sentences, 20 to an article.
 */
export function syntheticCorpus(sentences: number, seed = 2025): SyntheticCorpus {
  const next = random(seed);
  const vocabulary = Array.from({ length: 20_000 }, () => word(next, 1 + Math.floor(next() * 3)));
  const peopleCount = Math.max(20, Math.round(sentences / 200));
  const people = Array.from({ length: peopleCount }, () => `${capitalize(word(next, 2))} ${capitalize(word(next, 2 + Math.floor(next() * 2)))}`);
  const articleCount = Math.max(1, Math.round(sentences / SENTENCES_PER_ARTICLE));
  const articles: Article[] = [];
  for (let a = 0; a < articleCount; a++) {
    const cast = [pick(next, people), pick(next, people), pick(next, people)];
    const texts: string[] = [];
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) texts.push(sentence(next, vocabulary, cast, s));
    const paragraphs: string[] = [];
    for (let p = 0; p < texts.length; p += SENTENCES_PER_PARAGRAPH) paragraphs.push(texts.slice(p, p + SENTENCES_PER_PARAGRAPH).join(' '));
    const month = String(1 + (a % 12)).padStart(2, '0');
    const day = String(1 + (a % 28)).padStart(2, '0');
    articles.push({
      file: `synthetic/${String(a).padStart(6, '0')}.md`,
      meta: { title: capitalize(clause(next, vocabulary, 6)), outlet: pick(next, OUTLETS), url: `https://news.example/${a}`, published: `2025-${month}-${day}`, author: null },
      body: paragraphs.join('\n\n'),
    });
  }
  return { articles, sentences: articleCount * SENTENCES_PER_ARTICLE, people, vocabulary };
}

function clause(next: () => number, vocabulary: readonly string[], length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(next() < 0.35 ? pick(next, FUNCTION_WORDS) : (vocabulary[zipf(next, vocabulary.length)] ?? 'word'));
  return out.join(' ');
}

function sentence(next: () => number, vocabulary: readonly string[], cast: string[], index: number): string {
  const person = cast[index % cast.length] ?? 'Ana Lind';
  const surname = person.split(' ').pop() ?? person;
  const body = clause(next, vocabulary, 8 + Math.floor(next() * 12));
  const role = pick(next, ROLES);
  switch (Math.floor(next() * 8)) {
    case 0:
      return `“${capitalize(body)},” ${index < 3 ? `${capitalize(role)} ${person}` : surname} said.`;
    case 1:
      return `“${capitalize(body)},” said ${person}, the ${role}.`;
    case 2:
      return `${surname} said: “${capitalize(body)}.”`;
    case 3:
      return `${surname} ${pick(next, VERBS)} that ${body}.`;
    case 4:
      return `${next() < 0.5 ? 'He' : 'She'} added that ${body}.`;
    case 5:
      return `According to ${person}, ${body}.`;
    case 6:
      return `Officials said ${body}.`;
    default:
      return `${capitalize(body)} in ${capitalize(pick(next, vocabulary))} on Tuesday.`;
  }
}
