import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { TermIndex } from '../src/index/termIndex.js';

// Every corpus the project ships; each sentence the index can return must stand in its article.
describe.each(['corpus', 'test/eval/fictional/corpus'])('the verbatim guarantee over %s', (dir) => {
  const verbatim = Verbatim.fromFolder(dir);
  const { index } = verbatim;
  // The articles as they are on disk, read apart from the index.
  const bodies = new Map(loadCorpus(dir).articles.map((a) => [a.file, a.body]));

  it('stores every sentence as an exact span of its article', () => {
    expect(index.sentenceCount).toBeGreaterThan(10);
    for (let id = 0; id < index.sentenceCount; id++) {
      const sentence = index.sentence(id);
      const text = index.store.text(id);
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(0);
      expect(bodies.get(index.articles.get(sentence?.article ?? -1)?.file ?? '')).toContain(text);
    }
  });

  it('answers only with sentences found word for word in their article', () => {
    const questions = index.speakers.speakers.map((s) => `what did ${s.name} say`);
    for (const question of [...questions, 'talks', 'water', 'who said the war would end']) {
      for (const result of verbatim.ask(question, 100).results) {
        const collapsed = (text: string) => text.replace(/\s+/g, ' ');
        expect(collapsed(bodies.get(result.source.file) ?? '')).toContain(collapsed(result.text));
      }
    }
  });
});

describe('the term index', () => {
  it('keeps the sentence text out: only terms and numbers', () => {
    const { index } = Verbatim.fromFolder('corpus');
    // The engine's own term list (ranking sees only the TermSearch interface).
    const terms = (index.terms as TermIndex).termLists().flat();
    const serialized = JSON.stringify(terms);
    for (let id = 0; id < 5; id++) expect(serialized).not.toContain(index.store.text(id).slice(0, 40));
    expect(terms).toContain('lavrov');
    expect(terms).not.toContain('the');
  });
});

describe('hostile article shapes', () => {
  it('analyses a 1 MB single line without punctuation in linear time and keeps it searchable', async () => {
    const { analyzeArticle } = await import('../src/attribution/attribute.js');
    const body = 'word '.repeat(200_000);
    const result = analyzeArticle({ file: 'big.md', meta: { title: 'Big', outlet: null, url: null, published: null, author: null }, body });
    expect(result.sentences).toHaveLength(1);
    expect(result.sentences[0]?.attribution).toBeNull();
  });
});
