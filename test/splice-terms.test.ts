import { describe, it, expect } from 'vitest';
import { analyzePart, type Part } from '../src/build/part.js';
import { assemble, partEdits, type IndexData } from '../src/build/assemble.js';
import { spliceTerms } from '../src/index/spliceTerms.js';
import { SentenceStore } from '../src/index/sentenceStore.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import { Verbatim } from '../src/verbatim.js';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import type { Article } from '../src/corpus/types.js';
import { expectSameIndex } from './helpers/sameIndex.js';

// Invented people and words (the bench's generator), cut into slices as the indexer keeps them.
const articles = syntheticCorpus(3_000, 7).articles;
const SLICE = 12;
const slices: Article[][] = [];
for (let i = 0; i < articles.length; i += SLICE) slices.push(articles.slice(i, i + SLICE));
const base: Part[] = slices.map((slice) => analyzePart(slice));

function edited(article: Article, sentence: string): Article {
  return { ...article, body: `${article.body}\n\n${sentence}` };
}

/** A wire copy of the articles of one slice under other names: every sentence a repeat of theirs. */
function copiesOf(slice: readonly Article[], prefix: string): Article[] {
  return slice.map((article) => ({ ...article, file: `${prefix}-${article.file}` }));
}

/** Answers of every kind the term index takes part in: speakers' statements, topics, with filters of speaker. */
function sameAnswers(spliced: IndexData, fresh: IndexData): void {
  const left = new Verbatim(CorpusIndex.fromData(spliced));
  const right = new Verbatim(CorpusIndex.fromData(fresh));
  const names = right.speakerChoices('', 3).map((choice) => choice.name);
  const words = (fresh.terms.terms.filter((_, t) => (fresh.terms.distinct[t] as number) > 3)).slice(0, 6);
  for (const question of [...names.map((name) => `what did ${name} say`), ...words, `${words[0]} ${words[1]}`, 'the harbour would reopen on Monday']) {
    expect(left.ask(question, 8)).toEqual(right.ask(question, 8));
  }
}

/** Splices the change from `before` to `after` and checks it against a fresh assembly of `after`. */
function check(before: readonly Part[], after: readonly Part[], previous: IndexData = assemble(before, [])): IndexData {
  const fresh = assemble(after, []);
  // The splice alone, so that a fallback to a full inversion cannot hide a wrong one.
  const text = new SentenceStore(fresh.store);
  const terms = spliceTerms(previous.terms, partEdits(before, after), { before: previous.store.copyOf, after: fresh.store.copyOf }, (doc) => text.text(doc));
  expectSameIndex({ ...fresh, terms }, fresh);
  const spliced = assemble(after, [], { parts: before, data: previous });
  expectSameIndex(spliced, fresh);
  sameAnswers(spliced, fresh);
  return spliced;
}

describe('splicing the term index after a change', () => {
  it('equals a fresh build when a slice in the middle changes, is added or is removed', () => {
    const middle = Math.floor(base.length / 2);
    const changed = analyzePart((slices[middle] as Article[]).map((a, i) => (i === 3 ? edited(a, 'The envoy said the harbour would reopen on Monday.') : a)));
    check(base, base.map((part, i) => (i === middle ? changed : part)));
    const inserted = analyzePart([edited(articles[0] as Article, 'Minister Oskar Brantley said the harbour would reopen on Monday, zyxqv.')].map((a) => ({ ...a, file: 'm-new.md' })));
    check(base, [...base.slice(0, middle), inserted, ...base.slice(middle)]);
    check(base, [...base.slice(0, middle), ...base.slice(middle + 1)]);
  });

  it('equals a fresh build for several edits at once, at both ends, and one after another', () => {
    const first = analyzePart((slices[0] as Article[]).slice(1));
    const appended = analyzePart([edited(articles[5] as Article, 'The delegation said the border would stay shut.')].map((a) => ({ ...a, file: 'zz-new.md' })));
    const after = [first, ...base.slice(1, -1), appended];
    const once = check(base, after);
    // Again from the spliced index (its bounds already loosened once), removing what was appended.
    check(after, after.slice(0, -1), once);
  });

  it('counts distinct texts right when copies come before the first of their text, and when that first goes', () => {
    // A wire copy of the last slice, inserted first: the last slice's sentences stop being the first of their texts.
    const copy = analyzePart(copiesOf(slices[slices.length - 1] as Article[], 'a-wire'));
    const withCopy = [copy, ...base];
    const spliced = check(base, withCopy);
    // The copy removed again: the originals are the first of their texts once more.
    check(withCopy, base, spliced);
  });
});
