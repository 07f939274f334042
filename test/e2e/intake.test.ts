import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord, isEphemeral } from '../fake-discord/server.js';
import { FakeNewsSite, newsPage, rssFeed } from '../fake-news/server.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const MANAGE_GUILD = String(1n << 5n);

/** A story by an invented negotiator, served by the fake site at `path`. */
function story(site: FakeNewsSite, path: string, speaker: string, day: number) {
  const title = `Lantern Bay talks, day ${day}`;
  site.html(path, newsPage({
    title, outlet: 'The Lantern Courier', published: `2025-04-0${day}`,
    paragraphs: [`Negotiators met for a ${day === 1 ? 'first' : 'second'} day in Lantern Bay on the future of the ferry line.`, `“The ferry will run again by summer,” said ${speaker}, the island council’s envoy.`, 'The talks continue.'],
  }));
  return { title, link: site.url(path), published: `2025-04-0${day}T08:00:00Z` };
}

describe('npm start follows the feeds and takes /add (a process against the fake Discord and a fake news site)', () => {
  it('a feed item becomes answerable without a restart; /add adds a page for a manager, refuses everyone else, and explains a bad url', async () => {
    const site = await FakeNewsSite.start();
    const fake = await FakeDiscord.start();
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-intake-'));
    const corpus = join(dir, 'corpus');
    cpSync('test/eval/fictional/corpus', corpus, { recursive: true });
    site.set('/rss.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rssFeed('Courier', [story(site, '/day-1', 'Wilmer Staadt', 1)]) });
    writeFileSync(join(dir, 'feeds.yaml'), `feeds:\n  - url: ${site.url('/rss.xml')}\n    match: [Lantern Bay]\n    every: 1m\n`);
    story(site, '/day-2', 'Runa Havsten', 2);
    const ready = fake.ready();
    const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: corpus, CACHE_DIR: join(dir, 'cache'), FEEDS_FILE: join(dir, 'feeds.yaml'), ALLOW_PRIVATE_URLS: '1', RATE_LIMIT: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const asked = async (question: string) => (await fake.settled(fake.command('ask', { question }))).message?.embeds[0]?.title;
    try {
      await ready;
      await expect.poll(() => asked('what did Wilmer Staadt say'), { timeout: 20_000, interval: 500 }).toBe('Statements by Wilmer Staadt');
      expect(readFileSync(join(corpus, readdirSync(corpus).find((f) => f.startsWith('2025-04-01')) ?? ''), 'utf8')).toContain(`url: ${site.url('/day-1')}`);

      const refused = await fake.settled(fake.command('add', { url: site.url('/day-2') }));
      expect(refused.message?.content).toContain('only members with the Manage Server permission');
      expect(site.requestsFor('/day-2')).toHaveLength(0);

      const added = await fake.settled(fake.command('add', { url: site.url('/day-2') }, 0, undefined, MANAGE_GUILD), 15_000);
      expect(added.responses[0]?.body).toMatchObject({ type: 5 });
      expect(isEphemeral(added.message ?? undefined)).toBe(true);
      expect(added.message?.embeds[0]?.title).toBe('Added: Lantern Bay talks, day 2');
      expect(added.message?.embeds[0]?.description).toMatch(/The Lantern Courier · 2025-04-02\n3 paragraphs, 3 sentences, 1 attributed statement \(Runa Havsten 1\)/);
      await expect.poll(() => asked('what did Runa Havsten say'), { timeout: 20_000, interval: 500 }).toBe('Statements by Runa Havsten');

      const again = await fake.settled(fake.command('add', { url: `${site.url('/day-2')}?utm_source=chat` }, 0, undefined, MANAGE_GUILD), 15_000);
      expect(again.message?.embeds[0]?.title).toBe('Not added');
      expect(again.message?.embeds[0]?.description).toMatch(/already in the corpus as .*2025-04-02-lantern-bay-talks-day-2\.md: the same url/);
      const bad = await fake.settled(fake.command('add', { url: 'gopher://lantern.example/1' }, 0, undefined, MANAGE_GUILD), 15_000);
      expect(bad.message?.embeds[0]?.description).toContain('only http and https urls are, not gopher');
      expect(fake.violations).toEqual([]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"article added from a feed"');
    } finally {
      child.kill('SIGKILL');
      await fake.close().catch(() => undefined);
      await site.close();
    }
  }, 90_000);
});
