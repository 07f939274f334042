import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../helpers/bot.js';
import { isEphemeral } from '../fake-discord/server.js';
import { openCorpus } from '../../src/build/open.js';
import { CorpusReloader } from '../../src/reload.js';
import { silentLogger } from '../../src/log.js';
import { Verbatim } from '../../src/verbatim.js';
import { article } from '../helpers/articles.js';

const MANAGE_GUILD = String(1n << 5n);
type Button = { label?: string; custom_id?: string };

describe('/reindex and /sources', () => {
  let h: Harness;
  let dir: string;
  let reloader: CorpusReloader;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verbatim-reindex-'));
    cpSync('test/eval/fictional/corpus', dir, { recursive: true });
    const cacheDir = mkdtempSync(join(tmpdir(), 'verbatim-reindex-cache-'));
    const { verbatim } = await openCorpus(dir, { cacheDir });
    reloader = new CorpusReloader(dir, verbatim, { cacheDir, log: silentLogger });
    h = await startHarness(verbatim, {}, { verbatim: () => reloader.current(), reindex: () => reloader.reload() });
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
    await reloader.close();
  });

  it('/reindex is registered for Manage Server only, and politely refused to anyone else', async () => {
    const record = await h.fake.settled(h.fake.command('reindex'));
    expect(isEphemeral(record.message ?? undefined)).toBe(true);
    expect(record.message?.content).toContain('only members with the Manage Server permission');
  });

  it('/reindex by a member with Manage Server reloads and says what was added, changed and not loaded', async () => {
    writeFileSync(join(dir, 'harbour-talks.md'), '---\ntitle: Harbour talks resume\n---\n“The harbour stays open,” said Ilse Varnhagen.\n');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const record = await h.fake.settled(h.fake.command('reindex', {}, 0, undefined, MANAGE_GUILD), 20_000);
    const embed = record.message?.embeds[0];
    expect(embed?.title).toMatch(/^Corpus reloaded: 7 articles in \d+\.\d s$/);
    expect(embed?.description).toMatch(/\*\*Added \(1\):\*\* .*harbour-talks\.md/);
    expect(embed?.description).toMatch(/Not loaded:\*\*\n⚠ .*broken\.md: /);
    expect(isEphemeral(record.message ?? undefined)).toBe(true);
    const answer = await h.fake.settled(h.fake.command('ask', { question: 'what did Ilse Varnhagen say' }));
    expect(answer.message?.embeds[0]?.title).toBe('Statements by Ilse Varnhagen');
  }, 30_000);
});

describe('/sources on a large corpus', () => {
  let h: Harness;
  beforeAll(async () => {
    const articles = Array.from({ length: 40 }, (_, i) => article([`“Point ${i} is settled,” said Oda Frell.`, 'The talks went on.'], `corpus/a${String(i).padStart(2, '0')}.md`, `Article number ${i + 1}`));
    h = await startHarness(Verbatim.fromCorpus({ articles, failures: [{ file: 'corpus/bad.md', reason: 'not UTF-8 text' }] }));
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it('pages with Next and Previous, each article with its counts of sentences and statements', async () => {
    const first = await h.fake.settled(h.fake.command('sources'));
    const embed = first.message?.embeds[0];
    expect(embed?.title).toBe('Sources (40 articles)');
    expect(embed?.footer?.text).toBe('Page 1 of 3');
    expect(embed?.description).toContain('**1.** Article number 1 · 2026-01-01 — 2 sentences, 1 statement');
    expect(embed?.description).toContain('⚠ Not loaded: corpus/bad.md (not UTF-8 text)');
    const buttons = (first.message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : []));
    expect(buttons.map((b) => b.label)).toEqual(['Next']);
    const next = await h.fake.settled(h.fake.click(first.message!, buttons[0]?.custom_id ?? ''));
    expect(next.message?.embeds[0]?.footer?.text).toBe('Page 2 of 3');
    expect(next.message?.embeds[0]?.description).toContain('**16.** Article number 16');
    const labels = (next.message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : [])).map((b) => b.label);
    expect(labels).toEqual(['Previous', 'Next']);
  });
});
