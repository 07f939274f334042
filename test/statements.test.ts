import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import { parseFilters } from '../src/search/filters.js';
import { compatibleGuards, quoteSignature, sameStatementInOtherWords } from '../src/statements/quotedWords.js';
import type { Article } from '../src/corpus/types.js';
import type { AnswerResult } from '../src/answer.js';

/** Four invented outlets' reports of the Calder–Osterand ferry talks over three days. */
function article(file: string, outlet: string, published: string, paragraphs: string[]): Article {
  return { file, meta: { title: `Ferry talks (${outlet})`, outlet, url: `https://${file.replace('.md', '')}.example/story`, published, author: null }, body: paragraphs.join('\n\n') };
}

const INTRO = 'Ada Vrenn, the foreign minister of Calder, met Olek Mandry, the envoy of Osterand, at the ferry terminal.';
const SIGN = '“We are ready to sign tonight,” Vrenn said after the second session.';
const POINT_THREE = '“Point three of the ferry accord is settled and written down,” Vrenn said.';

const corpus: Article[] = [
  article('a-northgate.md', 'Northgate Daily', '2026-03-02', [
    INTRO,
    SIGN,
    POINT_THREE,
    'Vrenn called the first session “very useful” for both delegations.',
    '“We are ready to sign tonight,” Mandry said, echoing his counterpart word for word.',
  ]),
  article('b-meridian.md', 'Meridian Wire', '2026-03-03', [
    INTRO,
    // A wire copy of the Northgate sentence, and the same quoted words inside another sentence.
    SIGN,
    'On Wednesday Vrenn repeated that “we are ready to sign tonight,” though no date was set.',
    '“Point four of the ferry accord is settled and written down,” Vrenn said.',
    'Vrenn said the second session was “very useful” as well.',
  ]),
  article('c-harbor.md', 'Harbor State News', '2026-03-04', [
    INTRO,
    // The state outlet's translation: other words, the same statement.
    '“We stand ready to sign tonight,” Vrenn told the state broadcaster.',
    // Similar words, the opposite statement.
    '“We are not ready to sign tonight, whatever the ferry operators say,” Vrenn said later.',
  ]),
];

const verbatim = Verbatim.fromCorpus({ articles: corpus, failures: [] });
const byText = (results: AnswerResult[], fragment: string) => results.filter((r) => r.text.includes(fragment));

describe('one statement, once', () => {
  const answer = verbatim.quotes('Vrenn', '', 20);

  it('shows a statement by its earliest report, with the wire copy and the repeated words in alsoIn and the translation as a variant', () => {
    const ready = byText(answer.results, 'ready to sign tonight').filter((r) => !r.text.includes('not ready'));
    expect(ready).toHaveLength(1);
    const [shown] = ready;
    expect(shown?.text).toBe(SIGN);
    expect(shown?.source.outlet).toBe('Northgate Daily');
    expect(shown?.alsoIn.map((s) => s.outlet)).toEqual(['Meridian Wire']);
    expect(shown?.variants.map((v) => [v.source.outlet, v.text])).toEqual([['Harbor State News', '“We stand ready to sign tonight,” Vrenn told the state broadcaster.']]);
  });

  it('keeps apart what only looks alike: a negation, another number, a two-word phrase, another speaker', () => {
    expect(byText(answer.results, 'not ready to sign')).toHaveLength(1);
    expect(byText(answer.results, 'not ready to sign')[0]?.variants).toEqual([]);
    expect(byText(answer.results, 'Point three')).toHaveLength(1);
    expect(byText(answer.results, 'Point four')).toHaveLength(1);
    expect(byText(answer.results, 'very useful')).toHaveLength(2);
    const mandry = verbatim.quotes('Mandry', '', 20).results;
    expect(mandry.map((r) => r.text)).toEqual(['“We are ready to sign tonight,” Mandry said, echoing his counterpart word for word.']);
    expect(mandry[0]?.alsoIn).toEqual([]);
  });

  it('counts statements, not sentences, and pages through them without repeating one', () => {
    // Sentences by Vrenn: 2 + 4 + 2 = 8 (the wire copy included); statements: ready-to-sign (4 reports),
    // point three, point four, two "very useful", not ready.
    expect(answer.total).toBe(6);
    expect(answer.results).toHaveLength(6);
    const first = verbatim.quotes('Vrenn', '', 4, 0);
    const second = verbatim.quotes('Vrenn', '', 4, 4);
    expect(first.total).toBe(6);
    expect(second.results).toHaveLength(2);
    const texts = [...first.results, ...second.results].map((r) => r.text);
    expect(new Set(texts).size).toBe(6);
  });

  it('shows the earliest report that the filters keep, and lists only reports they keep', () => {
    const later = verbatim.quotes('Vrenn', 'sign', 20, 0, parseFilters({ since: '2026-03-03' }));
    const ready = byText(later.results, 'ready to sign tonight').filter((r) => !r.text.includes('not ready'));
    expect(ready).toHaveLength(1);
    expect(ready[0]?.source.outlet).toBe('Meridian Wire');
    expect(ready[0]?.alsoIn).toEqual([]);
    expect(ready[0]?.variants.map((v) => v.source.outlet)).toEqual(['Harbor State News']);
    const onlyHarbor = verbatim.quotes('Vrenn', 'sign', 20, 0, parseFilters({ outlets: ['Harbor State News'] }));
    expect(onlyHarbor.results.map((r) => r.source.outlet)).toEqual(['Harbor State News', 'Harbor State News']);
    expect(onlyHarbor.results.every((r) => r.alsoIn.length === 0 && r.variants.length === 0)).toBe(true);
  });

  it('groups a topic question’s results the same way', () => {
    const topic = verbatim.ask('who said they were ready to sign tonight', 20);
    const vrenn = topic.results.filter((r) => r.speaker === 'Ada Vrenn' && r.text.includes('ready to sign') && !r.text.includes('not ready'));
    expect(vrenn).toHaveLength(1);
    expect(vrenn[0]?.source.outlet).toBe('Northgate Daily');
    expect(new Set(topic.results.map((r) => r.text)).size).toBe(topic.results.length);
  });
});

describe('the sameness measure (quoted words only)', () => {
  const terms = (sentence: string) => quoteSignature(sentence).terms;

  it('reads only the quoted words: the same quote in two sentences has one key', () => {
    expect(quoteSignature('“We will meet again in spring,” Brask said.').key).toBe(quoteSignature('Brask repeated on Friday that “we will meet again in spring.”').key);
    expect(quoteSignature('Brask called it “very useful”.').key).toBe(0);
  });

  it('takes a cut quote or a translation as the same statement, a different one not', () => {
    expect(sameStatementInOtherWords(terms('“The ferry accord will be signed in Valmont next week,” she said.'), terms('“The accord will be signed in Valmont,” she said.'))).toBe(true);
    expect(sameStatementInOtherWords(terms('“We reject the proposal on the border crossings,” he said.'), terms('“We refuse the proposal on the border crossings,” he said.'))).toBe(true);
    expect(sameStatementInOtherWords(terms('“We will discuss the border crossings,” he said.'), terms('“The harbour fees are too high,” he said.'))).toBe(false);
  });

  it('compares words by their WordNet meaning: a translation that picks another verb is the same statement', () => {
    const original = terms('“Calder will not sign anything that divides the lake,” Vrenn said.');
    const translated = terms('“Calder will sign nothing that splits the lake,” Vrenn said.');
    expect(sameStatementInOtherWords(original, translated)).toBe(true);
    // Different verbs of different meaning stay apart.
    expect(sameStatementInOtherWords(terms('“Calder will sign the treaty that shares the lake,” Vrenn said.'), terms('“Calder will burn the treaty that floods the lake,” Vrenn said.'))).toBe(false);
  });

  it('never joins quotations that differ in a number or a negation', () => {
    expect(compatibleGuards(quoteSignature('“Clause 12 is agreed by both sides,” he said.').guard, quoteSignature('“Clause 14 is agreed by both sides,” he said.').guard)).toBe(false);
    expect(compatibleGuards(quoteSignature('“We will sign the accord,” he said.').guard, quoteSignature('“We won’t sign the accord,” he said.').guard)).toBe(false);
    expect(compatibleGuards(quoteSignature('“Clause 12 is agreed by both sides, and we sign,” he said.').guard, quoteSignature('“We sign,” he said.').guard)).toBe(true);
  });
});

describe('answers as JSON carry the other reports', () => {
  it('gives alsoIn and variants as source objects, and anonymous', async () => {
    const { toContractJson } = await import('../src/answer.js');
    const json = toContractJson(verbatim.quotes('Vrenn', 'sign', 1)) as { results: Record<string, unknown>[] };
    const [first] = json.results;
    expect(first?.anonymous).toBe(false);
    expect(first?.alsoIn).toEqual([{ title: 'Ferry talks (Meridian Wire)', outlet: 'Meridian Wire', url: 'https://b-meridian.example/story', published: '2026-03-03', file: 'b-meridian.md' }]);
    expect((first?.variants as { text: string }[]).map((v) => v.text)).toEqual(['“We stand ready to sign tonight,” Vrenn told the state broadcaster.']);
  });
});
