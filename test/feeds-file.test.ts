import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFeedsFile, parseFeedsFile, parseDuration, FeedsFileError } from '../src/feeds/feedsFile.js';

const MINUTE = 60_000;

function parse(text: string) {
  return parseFeedsFile(text, 'feeds.yaml');
}

function problemOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedsFileError);
    return (error as Error).message;
  }
  throw new Error('no error for:\n' + text);
}

describe('parseFeedsFile', () => {
  it('reads the contract example, with its defaults and its durations', () => {
    const feeds = parse(`
# feeds.yaml
feeds:
  - url: https://example.org/world/rss.xml     # RSS 2.0, Atom, or a news sitemap
    match: [Riyadh, Lavrov, Rubio]
    every: 30m
  - url: https://Gazette.example/news-sitemap.xml
  - url: http://courier.example/feed
    match: Bellamy Ostrova
    every: 1h30m
`);
    expect(feeds).toEqual([
      { url: 'https://example.org/world/rss.xml', match: ['Riyadh', 'Lavrov', 'Rubio'], everyMs: 30 * MINUTE },
      { url: 'https://gazette.example/news-sitemap.xml', match: [], everyMs: 30 * MINUTE },
      { url: 'http://courier.example/feed', match: ['Bellamy Ostrova'], everyMs: 90 * MINUTE },
    ]);
  });

  it('accepts an empty list and ignores unknown keys', () => {
    expect(parse('feeds: []\n')).toEqual([]);
    expect(parse('feeds:\n  - url: https://a.example/rss\n    label: Gazette\n    priority: 3\nowner: desk\n')).toEqual([
      { url: 'https://a.example/rss', match: [], everyMs: 30 * MINUTE },
    ]);
  });

  it('trims match terms', () => {
    expect(parse('feeds:\n  - url: https://a.example/rss\n    match: ["  Marta Kovac ", Vell]\n')[0]?.match).toEqual(['Marta Kovac', 'Vell']);
  });

  it.each([
    ['malformed YAML', 'feeds: [\n  - url: x\n', /^feeds\.yaml: malformed YAML: .* at line \d+, column \d+$/],
    ['duplicate key in an entry', 'feeds:\n  - url: https://a.example/1\n    url: https://a.example/2\n', /^feeds\.yaml: malformed YAML: Map keys must be unique at line 3, column 5$/],
    ['an empty file', '', /^feeds\.yaml: the top level must be a mapping with a "feeds" list \(found nothing\)$/],
    ['a list at the top', '- url: https://a.example/rss\n', /^feeds\.yaml: the top level must be a mapping with a "feeds" list \(found a list\)$/],
    ['no feeds key', 'feed:\n  - url: https://a.example/rss\n', /^feeds\.yaml: the top level must be a mapping with a "feeds" list \(found a mapping\)$/],
    ['feeds not a list', 'feeds: https://a.example/rss\n', /^feeds\.yaml: feeds: must be a list \(found a string \("https:\/\/a\.example\/rss"\); write "feeds: \[\]" for none\)$/],
    ['feeds empty', 'feeds:\n', /^feeds\.yaml: feeds: must be a list \(found nothing; write "feeds: \[\]" for none\)$/],
    ['an entry that is a string', 'feeds:\n  - https://a.example/rss\n', /^feeds\.yaml: feeds\[0\]: must be a mapping with a url \(found a string \("https:\/\/a\.example\/rss"\)\)$/],
    ['an entry without url', 'feeds:\n  - url: https://a.example/rss\n  - match: [Vell]\n', /^feeds\.yaml: feeds\[1\]: has no url$/],
    ['a url that is a number', 'feeds:\n  - url: 42\n', /^feeds\.yaml: feeds\[0\]\.url: must be a string \(found a number \(42\)\)$/],
    ['a relative url', 'feeds:\n  - url: /world/rss.xml\n', /^feeds\.yaml: feeds\[0\]\.url: "\/world\/rss\.xml" is not an absolute http\(s\) url$/],
    ['an ftp url', 'feeds:\n  - url: ftp://a.example/rss\n', /^feeds\.yaml: feeds\[0\]\.url: "ftp:\/\/a\.example\/rss" is not an absolute http\(s\) url$/],
    ['a url without host', 'feeds:\n  - url: "http:"\n', /^feeds\.yaml: feeds\[0\]\.url: "http:" is not an absolute http\(s\) url$/],
    ['a duplicate url', 'feeds:\n  - url: https://a.example/rss\n  - url: https://b.example/rss\n  - url: https://A.example/rss\n', /^feeds\.yaml: feeds\[2\]\.url: "https:\/\/a\.example\/rss" is already listed at feeds\[0\]$/],
    ['match a mapping', 'feeds:\n  - url: https://a.example/rss\n    match: { name: Vell }\n', /^feeds\.yaml: feeds\[0\]\.match: must be a string or a list of strings \(found a mapping\)$/],
    ['match an empty string', 'feeds:\n  - url: https://a.example/rss\n    match: ""\n', /^feeds\.yaml: feeds\[0\]\.match: must not be empty$/],
    ['match with a blank term', 'feeds:\n  - url: https://a.example/rss\n    match: [Vell, "  "]\n', /^feeds\.yaml: feeds\[0\]\.match\[1\]: must not be empty$/],
    ['match with a number', 'feeds:\n  - url: https://a.example/rss\n    match: [Vell, 2025]\n', /^feeds\.yaml: feeds\[0\]\.match\[1\]: must be a string \(found a number \(2025\); quote it: "2025"\)$/],
    ['match with a list inside', 'feeds:\n  - url: https://a.example/rss\n    match: [[Vell]]\n', /^feeds\.yaml: feeds\[0\]\.match\[0\]: must be a string \(found a list\)$/],
    ['every a bare number', 'feeds:\n  - url: https://a.example/rss\n    every: 30\n', /^feeds\.yaml: feeds\[0\]\.every: must be a duration such as 30m, 1h or 1h30m \(found a number \(30\)\)$/],
    ['every not a duration', 'feeds:\n  - url: https://a.example/rss\n    every: half an hour\n', /^feeds\.yaml: feeds\[0\]\.every: "half an hour" is not a duration such as 30m, 1h or 1h30m$/],
    ['every below the minimum', 'feeds:\n  - url: https://a.example/1\n  - url: https://a.example/2\n  - url: https://a.example/3\n    every: 5s\n', /^feeds\.yaml: feeds\[2\]\.every: "5s" is below the minimum of 1m$/],
    ['every above the maximum', 'feeds:\n  - url: https://a.example/rss\n    every: 30d\n', /^feeds\.yaml: feeds\[0\]\.every: "30d" is above the maximum of 7d$/],
  ])('rejects %s', (_name, text, message) => {
    expect(problemOf(text)).toMatch(message);
  });

  it('gives the exact message of the brief for an interval below the minimum', () => {
    const text = 'feeds:\n  - url: https://a.example/1\n  - url: https://a.example/2\n  - url: https://a.example/3\n    every: "5s"\n';
    expect(problemOf(text)).toBe('feeds.yaml: feeds[2].every: "5s" is below the minimum of 1m');
  });
});

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * MINUTE], ['1h', 60 * MINUTE], ['90s', 90_000], ['1h30m', 90 * MINUTE], ['2d', 2 * 24 * 60 * MINUTE],
    ['1d12h', 36 * 60 * MINUTE], ['1m30s', 90_000], [' 1h 30m ', 90 * MINUTE], ['1H', 60 * MINUTE], ['0m', 0],
  ])('reads %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'm', '30 minutes', '30m1h', '1.5h', '-5m', '1w'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('readFeedsFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verbatim-feeds-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives null when there is no file', () => {
    expect(readFeedsFile(join(dir, 'missing.yaml'))).toBeNull();
  });

  it('reads a file, with a byte order mark', () => {
    const path = join(dir, 'feeds.yaml');
    writeFileSync(path, '\uFEFFfeeds:\n  - url: https://a.example/rss\n    match: Růžička\n');
    expect(readFeedsFile(path)).toEqual([{ url: 'https://a.example/rss', match: ['Růžička'], everyMs: 30 * MINUTE }]);
  });

  it('names the file given in its messages', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'feeds:\n  - match: [Vell]\n');
    expect(() => readFeedsFile(path)).toThrow(new FeedsFileError(`${path}: feeds[0]: has no url`));
  });

  it('refuses a file that is not UTF-8', () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.from('feeds:\n  - url: https://a.example/rss\n    match: [Caf\xe9]\n', 'latin1'));
    expect(() => readFeedsFile(path)).toThrow(new FeedsFileError(`${path}: is not UTF-8 text`));
  });

  it('refuses a path that cannot be read as a file', () => {
    const path = join(dir, 'a-folder.yaml');
    mkdirSync(path);
    expect(() => readFeedsFile(path)).toThrow(new FeedsFileError(`${path}: cannot be read (EISDIR)`));
  });
});
