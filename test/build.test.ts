import { describe, it, expect } from 'vitest';
import { buildInBackground } from '../src/build/build.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import { Verbatim } from '../src/verbatim.js';
import { loadCorpus } from '../src/corpus/load.js';
import { analyzePart } from '../src/build/part.js';
import { assemble } from '../src/build/assemble.js';

describe('the background build', () => {
  it('gives exactly the index the in-thread build gives, and reports progress', async () => {
    const dir = 'test/eval/fictional/corpus';
    const progress: [number, number][] = [];
    const data = await buildInBackground(dir, { threads: 2, onProgress: (done, total) => progress.push([done, total]) });
    const threaded = new Verbatim(CorpusIndex.fromData(data));
    const inThread = Verbatim.fromFolder(dir);
    expect(threaded.index.articles).toEqual(inThread.index.articles);
    expect(threaded.index.speakers.speakers).toEqual(inThread.index.speakers.speakers);
    expect(threaded.index.terms).toEqual(inThread.index.terms);
    expect(threaded.index.store.data).toEqual(inThread.index.store.data);
    for (const question of ['what did Falkberg say', 'border crossings', 'what did the chief negotiator say']) {
      expect(threaded.ask(question, 10)).toEqual(inThread.ask(question, 10));
    }
    expect(progress.at(-1)).toEqual([6, 6]);
  });

  it('puts the index together in slices with the same result', async () => {
    const corpus = loadCorpus('test/eval/fictional/corpus');
    const data = assemble([analyzePart(corpus.articles)], corpus.failures);
    const sliced = await Verbatim.fromDataInSlices(data);
    const whole = new Verbatim(CorpusIndex.fromData(data));
    for (const input of ['', 'fal', 'halvosen', 'strøm']) expect(sliced.speakerChoices(input, 25)).toEqual(whole.speakerChoices(input, 25));
    for (const question of ['what did Falkbreg say', 'what did the chief negotiator say']) expect(sliced.ask(question, 5)).toEqual(whole.ask(question, 5));
  });

  it('rejects with the reason when the folder cannot be read', async () => {
    await expect(buildInBackground('no/such/folder')).rejects.toThrow(/corpus folder not found/);
  });
});
