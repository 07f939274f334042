import MiniSearch from 'minisearch';
import type { CorpusIndex } from '../search/corpusIndex.js';
import type { Answerer } from './metrics.js';

/**
 * The floor to beat: MiniSearch with default options over the same sentences, the question
 * text as the query. It names no speakers.
 */
export function plainMiniSearch(index: CorpusIndex): Answerer {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  for (let id = 0; id < index.sentenceCount; id++) search.add({ id, text: index.store.text(id) });
  return (question, limit) => ({
    speaker: null,
    results: search.search(question).slice(0, limit).map((hit) => {
      const sentence = index.sentence(hit.id as number);
      if (!sentence) throw new Error(`no sentence ${hit.id}`);
      return { text: index.textOf(sentence), speaker: null, file: index.articles.get(sentence.article)?.file ?? '' };
    }),
  });
}
