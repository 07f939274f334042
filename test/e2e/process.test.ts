import { describe, it, expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeDiscord } from '../fake-discord/server.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** `npm start` as its own process, logged into `fake`: its output so far, and its exit code when it ends. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], {
    env: { ...process.env, CORPUS_DIR: 'corpus', CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-start-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

/** Runs `test` against the bot logged into a fresh fake; the process and the fake are always cleaned up. */
async function withBot(test: (fake: FakeDiscord, bot: Started) => Promise<void>): Promise<void> {
  const fake = await FakeDiscord.start();
  const ready = fake.ready();
  const bot = start({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase });
  try {
    await ready;
    await test(fake, bot);
  } finally {
    bot.child.kill('SIGKILL');
    await fake.close().catch(() => undefined);
  }
}

describe('npm start with a token', () => {
  it('builds the index, logs in, answers, and exits 0 on SIGTERM without printing the token', () => withBot(async (fake, bot) => {
    const record = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }));
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"connected to Discord"');
    expect(bot.output()).not.toContain(fake.token);
  }));

  it('on SIGTERM, finishes a reply under way before closing, then exits 0', () => withBot(async (fake, bot) => {
    // Discord is slow to take this reply: it is still under way when the signal comes.
    fake.fault({ route: 'callback', times: 1, delayMs: 1500 });
    const record = fake.command('ask', { question: 'what did Lavrov say' });
    await expect.poll(() => fake.delayed, { timeout: 5000, interval: 20 }).toBe(1);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(record.responses.map((r) => r.status)).toEqual([204]);
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
    expect(bot.output()).toContain('"pending":1,"finished":true');
  }));

  it('exits 0 on SIGTERM even when Discord has gone away', () => withBot(async (fake, bot) => {
    await fake.close();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }));

  it('stops with a one-line message naming a malformed variable', async () => {
    const bot = start({ DISCORD_GUILD_ID: 'my-server' });
    expect(await bot.exited).toBe(2);
    expect(bot.output().trim()).toBe('verbatim: DISCORD_GUILD_ID is malformed: expected a Discord id (15 to 21 digits), got "my-server"');
  });
});

/** `npm start` in interactions mode, its port read from its log, ready when /healthz says so. */
async function startHttp(fake: FakeDiscord, env: Record<string, string> = {}): Promise<Started & { url: (path: string) => string }> {
  const bot = start({ DISCORD_PUBLIC_KEY: fake.publicKeyHex, DISCORD_API_BASE: fake.apiBase, PORT: '0', ...env });
  await expect.poll(() => /"port":(\d+)/.test(bot.output()), { timeout: 20_000, interval: 50 }).toBe(true);
  const port = /"port":(\d+)/.exec(bot.output())?.[1];
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  await expect.poll(async () => (await fetch(url('/healthz')).catch(() => null))?.status, { timeout: 20_000, interval: 50 }).toBe(200);
  return { ...bot, url };
}

describe('npm start with DISCORD_PUBLIC_KEY', () => {
  it('serves signed interactions without a token, and on SIGTERM finishes a reply under way, then exits 0', async () => {
    const fake = await FakeDiscord.start();
    const bot = await startHttp(fake);
    try {
      fake.sendTo(bot.url('/interactions'));
      const answered = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }));
      expect(answered.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
      // A late interaction is deferred; its edit is slow to reach Discord and still under way when the signal comes.
      fake.fault({ route: 'webhook', times: 1, delayMs: 1500 });
      const late = fake.command('quotes', { speaker: 'Rubio' }, 1800);
      await expect.poll(() => fake.delayed, { timeout: 5000, interval: 20 }).toBe(1);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(late.responses.map((r) => r.route)).toEqual(['callback', 'edit']);
      expect(late.message?.embeds[0]?.title).toMatch(/Rubio/);
      expect(bot.output()).toContain('"pending":1,"finished":true');
      await expect(fetch(bot.url('/healthz'))).rejects.toThrow();
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });
});
