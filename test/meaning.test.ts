import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WordNet } from '../src/meaning/wordnet.js';
import { Expander, lemmas } from '../src/meaning/expand.js';
import { expectedAnswer, holdsAnswer } from '../src/meaning/answerType.js';
import { compileVectors, openVectors } from '../src/meaning/vectors.js';
import { prepareVectors, useVectors, currentVectors, currentLemmaTable } from '../src/meaning/meaning.js';
import { compileLemmaTable, lemmaTablePath, openLemmaTable } from '../src/meaning/lemmaTable.js';
import { createRequire } from 'node:module';
import { Verbatim } from '../src/verbatim.js';
import type { Article } from '../src/corpus/types.js';

const wordnet = new WordNet();
afterAll(() => wordnet.close());

describe('WordNet, read in place', () => {
  it('finds a lemma’s senses, most frequent first, and their synsets’ words', () => {
    const senses = wordnet.senses('truce', 'noun');
    expect(senses.length).toBe(1);
    expect(wordnet.synset(senses[0] as number, 'noun').words).toEqual(['armistice', 'cease-fire', 'truce']);
    expect(wordnet.senses('zzzz', 'noun')).toEqual([]);
    // The first and last lemmas of the index, beside the licence lines at its top.
    expect(wordnet.has("'hood", 'noun') || wordnet.has('0', 'noun') || wordnet.has('1', 'noun')).toBe(true);
    expect(wordnet.has('zyrian', 'noun') || wordnet.has('zymurgy', 'noun')).toBe(true);
  });

  it('gives back lemmas of inflected, irregular and solid-written forms', () => {
    expect(lemmas(wordnet, 'embassies', 'noun')).toEqual(['embassy']);
    expect(lemmas(wordnet, 'held', 'verb')).toContain('hold');
    expect(lemmas(wordnet, 'ceasefire', 'noun')).toEqual(['cease-fire']);
  });

  it('widens a word with its synonyms (as index terms), weaker than the word itself', () => {
    const expander = new Expander(wordnet);
    const truce = expander.neighbours('truce');
    expect(truce.map((t) => t.term)).toContain('ceasefir');
    expect(expander.neighbours('quit').map((t) => t.term)).toContain('resign');
    expect(Math.max(...truce.map((t) => t.weight))).toBeLessThan(1);
    expect(expander.neighbours('the')).toEqual([]);
  });
});

describe('the kind of answer a question asks for', () => {
  it('reads it from the question’s form', () => {
    expect(expectedAnswer('How long did the meeting last?')).toBe('duration');
    expect(expectedAnswer('How many observers will there be?')).toBe('quantity');
    expect(expectedAnswer('When will the flights resume?')).toBe('time');
    expect(expectedAnswer('Where was the treaty signed?')).toBe('place');
    expect(expectedAnswer('Will the embassies reopen?')).toBeNull();
  });

  it('finds it in a sentence, and not where there is none', () => {
    expect(holdsAnswer('duration', 'They met in a four-and-a-half hour session.')).toBe(true);
    expect(holdsAnswer('duration', 'The talks ran for close to five and a half hours.')).toBe(true);
    expect(holdsAnswer('duration', 'The talks were useful.')).toBe(false);
    expect(holdsAnswer('quantity', 'A team of 120 unarmed observers will watch the line.')).toBe(true);
    expect(holdsAnswer('time', 'The next round is due in April.')).toBe(true);
    expect(holdsAnswer('place', 'They met at a guest house on the shore of Lake Teluma.')).toBe(true);
    expect(holdsAnswer('place', 'The talks resume on Monday.')).toBe(false);
  });
});

describe('word vectors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verbatim-vectors-'));
  });
  afterAll(() => {
    useVectors(null);
    rmSync(dir, { recursive: true, force: true });
  });

  it('are compiled from the installed package once, then opened from the cache', async () => {
    expect(openVectors(dir)).toBeNull();
    const compiled = await compileVectors(dir);
    const opened = openVectors(dir);
    expect(opened?.words.length).toBe(compiled.words.length);
    expect(opened?.similarity('truce', 'ceasefire')).toBeGreaterThan(0.8);
    expect(opened?.similarity('truce', 'banana') ?? 1).toBeLessThan(0.3);
    expect(opened?.similarity('monitors', 'observers')).toBeGreaterThan(0.6);
    expect((await prepareVectors(dir)).compiled).toBe(false);
  }, 60_000);

  it('come with the lemma table, which is worked out again when it is damaged', async () => {
    await prepareVectors(dir);
    expect(openLemmaTable(dir)?.lemma('embassies', 'noun')).toBe('embassy');
    writeFileSync(lemmaTablePath(dir), 'not a table');
    expect(openLemmaTable(dir)).toBeNull();
    await prepareVectors(dir);
    expect(openLemmaTable(dir)?.lemma('held', 'verb')).toBe('hold');
    expect(currentLemmaTable()?.lemma('held', 'verb')).toBe('hold');
  }, 60_000);

  it('let a topic question find the answer in other words, and only once an entry point prepared them', async () => {
    const corpus: Article[] = [{
      file: 'a.md',
      meta: { title: 'Ridge line talks', outlet: 'Lakeside Courier', url: null, published: '2026-05-01', author: null },
      body: [
        'The two armies agreed to pull their heavy guns back from the ridge.',
        'A team of 120 unarmed observers from Belmark will patrol the ridge.',
        'The ridge has been quiet since the agreement was signed.',
        'Farmers near the ridge said they hoped to return to their fields.',
      ].join('\n\n'),
    }];
    const verbatim = Verbatim.fromCorpus({ articles: corpus, failures: [] });
    useVectors(null);
    const question = 'How many monitors will watch the ridge?';
    expect(currentVectors()).toBeNull();
    await prepareVectors(dir);
    expect(verbatim.ask(question, 1).results[0]?.text).toBe('A team of 120 unarmed observers from Belmark will patrol the ridge.');
    const wordsOnly = new Verbatim(verbatim.index, { meaning: false });
    expect(wordsOnly.ask(question, 1).results[0]?.text).not.toBe('A team of 120 unarmed observers from Belmark will patrol the ridge.');
  }, 60_000);
});

describe('the lemma table', () => {
  it('answers exactly as wink-lemmatizer for the words it holds, and leaves the others to wink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-lemmas-'));
    try {
      const words = ['held', 'embassies', 'talks', 'better', 'went', 'said', 'ceasefire', 'mice', 'was'];
      expect(openLemmaTable(dir)).toBeNull();
      await compileLemmaTable(dir, words);
      const table = openLemmaTable(dir);
      const wink = createRequire(import.meta.url)('wink-lemmatizer') as Record<'noun' | 'verb' | 'adjective', (w: string) => string>;
      for (const word of words) {
        for (const part of ['noun', 'verb', 'adjective'] as const) expect(table?.lemma(word, part)).toBe(wink[part](word));
      }
      expect(table?.lemma('held', 'verb')).toBe('hold');
      expect(table?.lemma('geese', 'noun')).toBeUndefined();
      writeFileSync(lemmaTablePath(dir), '{"version": broken');
      expect(openLemmaTable(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
