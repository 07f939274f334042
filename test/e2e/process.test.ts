import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeDiscord } from '../fake-discord/server.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('npm start with a token', () => {
  it('builds the index, logs in, answers, and exits 0 on SIGTERM without printing the token', async () => {
    const fake = await FakeDiscord.start();
    const ready = fake.ready();
    const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: 'corpus', CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-start-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await ready;
      const record = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }));
      expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"connected to Discord"');
      expect(output).not.toContain(fake.token);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('on SIGTERM, finishes a reply under way before closing, then exits 0', async () => {
    const fake = await FakeDiscord.start();
    const ready = fake.ready();
    const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: 'corpus', CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-stop-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await ready;
      // Discord is slow to take this reply: it is still under way when the signal comes.
      fake.fault({ route: 'callback', times: 1, delayMs: 1500 });
      const record = fake.command('ask', { question: 'what did Lavrov say' });
      await expect.poll(() => fake.delayed, { timeout: 5000, interval: 20 }).toBe(1);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(record.responses.map((r) => r.status)).toEqual([204]);
      expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
      expect(output).toContain('"pending":1,"finished":true');
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('exits 0 on SIGTERM even when Discord has gone away', async () => {
    const fake = await FakeDiscord.start();
    const ready = fake.ready();
    const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: 'corpus', CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-gone-')) },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await ready;
      await fake.close();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops with a one-line message naming a malformed variable', async () => {
    const child = spawn(TSX, [join(process.cwd(), 'src/main.ts')], { env: { ...process.env, DISCORD_GUILD_ID: 'my-server' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('verbatim: DISCORD_GUILD_ID is malformed: expected a Discord id (15 to 21 digits), got "my-server"');
  });
});
