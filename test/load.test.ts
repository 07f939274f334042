import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, CorpusFolderError } from '../src/corpus/load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-load-'));
});

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
};

describe('loadCorpus', () => {
  it('reads Markdown front matter, keeping unknown keys out of the way', () => {
    write('a.md', '---\ntitle: Talks resume\noutlet: Example Wire\nurl: https://example.org/1\npublished: 2026-02-03\nwire: yes\n---\nFirst paragraph.\n\nSecond.\n');
    const { articles, failures } = loadCorpus(dir, dir);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.meta).toEqual({ title: 'Talks resume', outlet: 'Example Wire', url: 'https://example.org/1', published: '2026-02-03', author: null });
    expect(articles[0]?.file).toBe('a.md');
    expect(articles[0]?.body).toBe('First paragraph.\n\nSecond.\n');
  });

  it('searches sub-folders', () => {
    write('outlet/deep/b.md', '---\ntitle: Deep\n---\nBody.\n');
    expect(loadCorpus(dir, dir).articles.map((a) => a.file)).toEqual(['outlet/deep/b.md']);
  });

  it('strips a BOM and turns CRLF into LF', () => {
    write('c.md', '\uFEFF---\r\ntitle: Windows file\r\n---\r\nOne.\r\n\r\nTwo.\r\n');
    const [article] = loadCorpus(dir, dir).articles;
    expect(article?.meta.title).toBe('Windows file');
    expect(article?.body).toBe('One.\n\nTwo.\n');
  });

  it('takes a short first line without a final period as the title of a .txt file; the whole file stays the body', () => {
    write('d.txt', 'Envoys meet in Vrana\n\nThe envoys met on Monday.\n');
    write('e.txt', 'The envoys met on Monday.\nThey talked.\n');
    const [d, e] = loadCorpus(dir, dir).articles;
    expect(d?.meta.title).toBe('Envoys meet in Vrana');
    // Contracts §1: "the whole file is the body", so paragraph numbers count the title line.
    expect(d?.body).toBe('Envoys meet in Vrana\n\nThe envoys met on Monday.\n');
    expect(e?.meta.title).toBe('e');
    expect(e?.body).toBe('The envoys met on Monday.\nThey talked.\n');
  });

  it('reads .txt metadata from NAME.json beside it', () => {
    write('f.txt', 'The envoys met on Monday.\n');
    write('f.json', JSON.stringify({ title: 'From the sidecar', outlet: 'Valley Post', published: '2026-03-01' }));
    const [f] = loadCorpus(dir, dir).articles;
    expect(f?.meta).toMatchObject({ title: 'From the sidecar', outlet: 'Valley Post', published: '2026-03-01' });
  });

  it('skips bad files with their path and reason, and still serves the others', () => {
    write('good.md', '---\ntitle: Good\n---\nFine.\n');
    write('bad-yaml.md', '---\ntitle: [unclosed\n---\nBody.\n');
    write('no-title.md', '---\noutlet: X\n---\nBody.\n');
    write('empty.md', '---\ntitle: Empty\n---\n   \n');
    write('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const { articles, failures } = loadCorpus(dir, dir);
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
    const reasons = Object.fromEntries(failures.map((f) => [f.file, f.reason]));
    expect(reasons['bad-yaml.md']).toMatch(/bad front matter/);
    expect(reasons['no-title.md']).toBe('front matter has no title');
    expect(reasons['empty.md']).toBe('empty body');
    expect(reasons['latin1.txt']).toBe('not UTF-8 text');
  });

  it('refuses a folder that does not exist', () => {
    expect(() => loadCorpus(join(dir, 'missing'))).toThrow(CorpusFolderError);
  });
});
