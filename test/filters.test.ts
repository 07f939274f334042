import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FilterError, articleMask, parseFilters, type Filters } from '../src/search/filters.js';
import { Verbatim } from '../src/verbatim.js';
import { answerLine } from '../src/console.js';
import { toContractJson } from '../src/answer.js';
import type { Article } from '../src/corpus/types.js';

/** Three outlets over three days: one story, its wire copy, an undated brief. */
function coverage(): Article[] {
  const make = (file: string, outlet: string | null, published: string | null, paragraphs: string[]): Article => ({
    file, meta: { title: `Lantern Bay ${file}`, outlet, url: null, published, author: null }, body: paragraphs.join('\n\n'),
  });
  return [
    make('day1-courier.md', 'The Lantern Courier', '2025-04-01', ['“The ferry will run again by summer,” said Wilmer Staadt, the island envoy.', 'The harbour talks opened in the morning.']),
    make('day2-wire.md', 'Coastline Wire', '2025-04-02T09:30:00Z', ['“The ferry will run again by summer,” said Wilmer Staadt, the island envoy.', 'Runa Havsten said the harbour dues would be halved.']),
    make('day3-gazette.md', 'Meridian Gazette', '2025-04-03', ['Runa Havsten told reporters that the harbour agreement was close.', 'Wilmer Staadt said the ferry timetable was agreed.']),
    make('brief.md', 'Coastline Wire', null, ['Wilmer Staadt said the harbour would stay open.']),
  ];
}
const verbatim = () => Verbatim.fromCorpus({ articles: coverage(), failures: [] });
const files = (answer: { results: { source: { file: string } }[] }) => answer.results.map((r) => r.source.file);

describe('filters: since, until, outlet', () => {
  it('are checked: real ISO dates only, since not after until, outlets once each', () => {
    expect(parseFilters({ since: '2025-04-01', until: ' 2025-04-02 ', outlets: ['A', 'A', ' ', null] })).toEqual({ since: '2025-04-01', until: '2025-04-02', outlets: ['A'] });
    for (const bad of ['2025-02-30', '18/02/2025', '2025-2-1', 'yesterday']) expect(() => parseFilters({ since: bad })).toThrow(FilterError);
    expect(() => parseFilters({ since: '2025-04-03', until: '2025-04-01' })).toThrow('since (2025-04-03) is after until (2025-04-01)');
  });

  it('keep only articles published in the range (inclusive; a date-time counts by its day; undated kept by neither) and of the outlets, any case', () => {
    const v = verbatim();
    const only = (filters: Partial<Filters>) => files(v.ask('what did Wilmer Staadt say', 10, 0, { since: null, until: null, outlets: [], ...filters }));
    expect(only({})).toHaveLength(3);
    // The wire copy is dated 2025-04-02T09:30:00Z: by its day, on or after 2025-04-02.
    expect(only({ since: '2025-04-02' }).sort()).toEqual(['day2-wire.md', 'day3-gazette.md']);
    // Both days carry the ferry sentence: it is shown once.
    expect(only({ until: '2025-04-02' })).toHaveLength(1);
    expect(['day1-courier.md', 'day2-wire.md']).toContain(only({ until: '2025-04-02' })[0]);
    expect(only({ outlets: ['coastline wire'] }).sort()).toEqual(['brief.md', 'day2-wire.md']);
    expect(only({ outlets: ['COASTLINE WIRE', 'Meridian Gazette'], until: '2025-04-02' })).toEqual(['day2-wire.md']);
    expect(only({ outlets: ['Nobody Weekly'] })).toEqual([]);
  });

  it('a wire copy whose first report is filtered out is shown from the copy the filter keeps, once', () => {
    const answer = verbatim().ask('ferry summer', 10, 0, parseFilters({ outlets: ['Coastline Wire'] }));
    const ferry = answer.results.filter((r) => r.text.startsWith('“The ferry will run'));
    expect(ferry.map((r) => r.source.file)).toEqual(['day2-wire.md']);
    expect(answer.total).toBe(answer.results.length);
  });

  it('topic ranking among filtered articles equals ranking everything and keeping what passes', () => {
    // Ranking by shared words: re-reading by meaning draws on the articles in view, so it differs by design.
    const v = new Verbatim(Verbatim.fromFolder('test/eval/fictional/corpus').index, { meaning: false });
    const filters = parseFilters({ outlets: ['Northern Ledger', 'Valley Post'] });
    const mask = articleMask(v.index.articles, filters);
    const passes = (file: string) => mask[[...v.index.articles].findIndex((a) => a.file === file)] === 1;
    for (const question of ['ceasefire observers', 'talks', 'quota fish harbour', 'minister said', 'vote']) {
      const everything = v.ask(question, 100).results.filter((r) => passes(r.source.file));
      const filtered = v.ask(question, 100, 0, filters);
      expect(filtered.results.map((r) => [r.text, r.score]), question).toEqual(everything.map((r) => [r.text, r.score]));
      expect(filtered.total, question).toBe(everything.length);
    }
  });

  it('a filtered answer with nothing says which articles were searched, and the JSON names the filters', () => {
    const v = verbatim();
    const answer = v.ask('what did Runa Havsten say', 5, 0, parseFilters({ until: '2025-04-01' }));
    expect(answer.results).toEqual([]);
    expect(toContractJson(answer)).toMatchObject({ speaker: 'Runa Havsten', results: [], filters: { since: null, until: '2025-04-01', outlets: [] } });
    expect(answerLine(v, '/ask what did Runa Havsten say until:2025-04-01')).toBe('No statements by Runa Havsten in the articles published on or before 2025-04-01. Try without the filters.\n');
    expect(Object.keys(toContractJson(v.ask('what did Runa Havsten say')))).toEqual(['question', 'speaker', 'results']);
  });

  it('the console reads since:, until: and outlet: after the question or speaker, and explains a bad date', () => {
    const v = verbatim();
    expect(answerLine(v, '/quotes speaker:Runa Havsten outlet:Meridian Gazette')).toContain('day3-gazette.md');
    expect(answerLine(v, '/quotes speaker:Runa Havsten outlet:Meridian Gazette')).not.toContain('day2-wire.md');
    expect(answerLine(v, '/quotes Wilmer Staadt since:2025-04-03')).toContain('ferry timetable was agreed');
    expect(answerLine(v, 'what did Wilmer Staadt say since:2025-04-31')).toBe('since must be a date written YYYY-MM-DD, such as 2025-02-18; got "2025-04-31".\n');
  });
});

describe('npm run ask with filters', () => {
  const ask = (...args: string[]) => spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/ask.ts', '--corpus', 'test/eval/fictional/corpus', ...args], { encoding: 'utf8', env: { ...process.env, CACHE_DIR: '' } });

  it('--since/--until/--outlet (repeatable) filter and appear in the JSON; a bad date is exit 2 with the reason', () => {
    const run = ask('--json', '--outlet', 'northern ledger', '--outlet', 'Valley Post', '--since', '2020-01-01', 'talks');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { results: { source: { outlet: string } }[]; filters: Filters };
    expect(json.filters).toEqual({ since: '2020-01-01', until: null, outlets: ['northern ledger', 'Valley Post'] });
    expect(json.results.length).toBeGreaterThan(0);
    expect(new Set(json.results.map((r) => r.source.outlet)).size).toBeLessThanOrEqual(2);
    for (const r of json.results) expect(['Northern Ledger', 'Valley Post']).toContain(r.source.outlet);
    const bad = ask('--since', '2025-02-30', 'talks');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ask: since must be a date written YYYY-MM-DD');
    expect(bad.stdout).toBe('');
  }, 30_000);
});
