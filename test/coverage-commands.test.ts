import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import { parseFilters } from '../src/search/filters.js';
import { answerLine, answerLineJson } from '../src/console.js';
import type { Article } from '../src/corpus/types.js';
import type { Comparison, QuoteAnswer, Refusal, Timeline } from '../src/questions/answers.js';

/** Three invented outlets' coverage of the Velmar water talks over four days. */
function article(file: string, outlet: string, published: string | null, paragraphs: string[]): Article {
  return { file, meta: { title: `Water talks (${outlet}, ${published ?? 'undated'})`, outlet, url: `https://${file.replace('.md', '')}.example/story`, published, author: null }, body: paragraphs.join('\n\n') };
}

const INTRO = 'Ines Halloran, the water minister of Velmar, met Pieter Osk, the envoy of Drunland, at the border dam.';
const QUOTA = '“The dam will release forty cubic metres a second from June,” Halloran said.';

const corpus: Article[] = [
  article('a.md', 'Lakeside Courier', '2026-04-01', [
    INTRO,
    QUOTA,
    '“Drunland will not accept a quota written in Velmar,” Osk said.',
  ]),
  article('b.md', 'Brightwater Wire', '2026-04-02', [
    INTRO,
    QUOTA,
    '“The farmers downstream have waited long enough for this water,” Halloran told reporters.',
  ]),
  article('c.md', 'Osk Herald', '2026-04-03T09:30:00Z', [
    INTRO,
    'Halloran said the dam “will release forty cubic metres a second from June,” as promised.',
    '“We expect a signed text by the end of the week,” Osk said on Friday.',
  ]),
  article('d.md', 'Lakeside Courier', '2026-04-04', [
    INTRO,
    '“No agreement on the dam is possible without the farmers,” Halloran said.',
    'Osk said the farmers were “the heart of this question” for Drunland too.',
  ]),
  article('e.md', 'Brightwater Wire', null, [
    INTRO,
    '“The river does not belong to one country,” Halloran said at an earlier meeting.',
  ]),
];

const verbatim = Verbatim.fromCorpus({ articles: corpus, failures: [] });
const ok = <T extends object>(answer: T | Refusal): T => {
  if ('error' in answer) throw new Error(`refused: ${answer.error}`);
  return answer;
};

describe('/timeline', () => {
  const timeline: Timeline = ok(verbatim.timeline('Halloran'));

  it('lists one person’s statements by day of publication, oldest first, each statement once by its earliest report', () => {
    expect(timeline.speaker).toBe('Ines Halloran');
    expect(timeline.days.map((d) => d.date)).toEqual(['2026-04-01', '2026-04-02', '2026-04-04', null]);
    const texts = timeline.days.flatMap((d) => d.results.map((r) => r.text));
    expect(texts.filter((t) => t.includes('forty cubic metres'))).toEqual([QUOTA]);
    const quota = timeline.days[0]?.results.find((r) => r.text === QUOTA);
    expect(quota?.alsoIn.map((s) => s.file)).toEqual(['b.md']);
    // The same words cut differently ("the dam" outside the quotation marks) are a variant.
    expect(quota?.variants.map((v) => v.source.file)).toEqual(['c.md']);
    expect(timeline.total).toBe(texts.length);
    expect(texts.every((t) => !t.includes('Osk said'))).toBe(true);
  });

  it('keeps to a topic and to the filters, and pages from an offset', () => {
    const farmers = ok(verbatim.timeline('Halloran', 'farmers'));
    expect(farmers.days.flatMap((d) => d.results.map((r) => r.source.file))).toEqual(['b.md', 'd.md']);
    const late = ok(verbatim.timeline('Halloran', '', 100, 0, parseFilters({ since: '2026-04-02' })));
    expect(late.days.map((d) => d.date)).toEqual(['2026-04-02', '2026-04-04']);
    // Within the filter, the earliest report kept is Brightwater's copy.
    expect(late.days[0]?.results.find((r) => r.text === QUOTA)?.source.file).toBe('b.md');
    const second = ok(verbatim.timeline('Halloran', '', 1, 1));
    expect(second.days.flatMap((d) => d.results.map((r) => r.text))).toEqual([timeline.days.flatMap((d) => d.results.map((r) => r.text))[1]]);
  });

  it('says why when it cannot answer: an unknown name with names to try, nothing on the topic', () => {
    expect((verbatim.timeline('Zed Quillon') as Refusal).error).toMatch(/^No statements by Zed Quillon in these articles\. Try: /u);
    // One typo still finds the person.
    expect(ok(verbatim.timeline('Hallorann')).speaker).toBe('Ines Halloran');
    expect((verbatim.timeline('Halloran', 'submarines') as Refusal).error).toBe('No statements by Ines Halloran about “submarines” in these articles. Try without the topic.');
  });
});

describe('/compare', () => {
  it('puts two people’s statements on a topic side by side, only those about it', () => {
    const comparison: Comparison = ok(verbatim.compare('Halloran', 'Osk', 'farmers'));
    expect(comparison.columns.map((c) => c.speaker)).toEqual(['Ines Halloran', 'Pieter Osk']);
    expect(comparison.columns[0].results.every((r) => r.speaker === 'Ines Halloran' && /farmers/u.test(r.text))).toBe(true);
    expect(comparison.columns[0].results).toHaveLength(2);
    expect(comparison.columns[1].results.map((r) => r.source.file)).toEqual(['d.md']);
  });

  it('refuses one speaker, the same person twice, and an unknown name', () => {
    expect(verbatim.compare('Halloran', '')).toHaveProperty('error');
    expect((verbatim.compare('Halloran', 'Ines Halloran') as Refusal).error).toMatch(/two different people/u);
    expect((verbatim.compare('Halloran', 'Marta Vinn') as Refusal).error).toMatch(/No statements by Marta Vinn/u);
  });
});

describe('/whosaid', () => {
  it('finds who said words close to a misremembered quote, by the earliest report', () => {
    const answer: QuoteAnswer = ok(verbatim.whoSaid('the dam releases forty cubic metres per second'));
    expect(answer.results[0]?.speaker).toBe('Ines Halloran');
    expect(answer.results[0]?.text).toBe(QUOTA);
    expect(answer.results[0]?.source.file).toBe('a.md');
    expect(ok(verbatim.whoSaid('a quota written in Velmar')).results[0]?.speaker).toBe('Pieter Osk');
  });

  it('answers words nobody said with no results, and words said only around a quote are not said', () => {
    expect(ok(verbatim.whoSaid('the moon is made of green cheese')).results).toEqual([]);
    // "at the border dam" is narration, not anybody's statement.
    expect(ok(verbatim.whoSaid('water minister met the envoy at the border dam')).results).toEqual([]);
  });

  it('refuses an empty, one-letter, all-common or enormous quote', () => {
    for (const quote of ['', '  ', 'x', 'we will not', 'word '.repeat(1200)]) expect(verbatim.whoSaid(quote)).toHaveProperty('error');
  });
});

describe('the console', () => {
  it('gives each command as one JSON object (contracts §5), errors as {command, error}', () => {
    const timeline = answerLineJson(verbatim, '/timeline speaker:Halloran topic:farmers') as { command: string; speaker: string; days: { date: string; results: { text: string; alsoIn: unknown[] }[] }[] };
    expect(timeline.command).toBe('timeline');
    expect(timeline.days.map((d) => d.date)).toEqual(['2026-04-02', '2026-04-04']);
    const compare = answerLineJson(verbatim, '/compare first:Halloran second:Osk topic:farmers') as { columns: { speaker: string; results: unknown[] }[] };
    expect(compare.columns.map((c) => c.speaker)).toEqual(['Ines Halloran', 'Pieter Osk']);
    const whosaid = answerLineJson(verbatim, '/whosaid quote:will not accept a quota') as { quote: string; results: { speaker: string }[] };
    expect(whosaid.quote).toBe('will not accept a quota');
    expect(whosaid.results[0]?.speaker).toBe('Pieter Osk');
    expect(answerLineJson(verbatim, '/compare first:Halloran')).toEqual({ command: 'compare', error: expect.stringMatching(/two people/u) });
    expect(answerLineJson(verbatim, '/timeline speaker:Halloran since:2026-05-01 until:2026-04-01')).toEqual({ command: 'timeline', error: expect.stringMatching(/after until/u) });
    expect(answerLineJson(verbatim, `/whosaid quote:${'x'.repeat(6000)}`)).toEqual({ command: 'whosaid', error: expect.stringMatching(/6,\d{3} characters/u) });
  });

  it('reads as text too: days as headings, an honest nobody', () => {
    expect(answerLine(verbatim, '/timeline Halloran')).toMatch(/== 2026-04-01 ==[\s\S]*== Undated articles ==/u);
    expect(answerLine(verbatim, '/compare Halloran vs Osk')).toMatch(/== Ines Halloran[\s\S]*== Pieter Osk/u);
    expect(answerLine(verbatim, '/whosaid zebras can dance')).toMatch(/^Nobody in these articles said “zebras can dance”/u);
  });
});
