import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord, shardFor } from '../fake-discord/server.js';

describe('npm run shards (ShardingManager)', () => {
  // From the sources (npm run shards) and compiled (node dist/src/shards.js, as in the container):
  // each shard process runs main the same way as the manager.
  it.each([
    ['from the sources', join('node_modules', '.bin', 'tsx'), ['src/shards.ts']],
    ['compiled', process.execPath, [join('dist', 'src', 'shards.js')]],
  ])('runs two shard processes on one snapshot; the shard owning the guild answers; SIGTERM stops both, exit 0 (%s)', async (_, command, args) => {
    const fake = await FakeDiscord.start();
    const child = spawn(command, args, {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: '2', CORPUS_DIR: 'corpus', CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-shards-')), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => output.includes('"msg":"all shards connected"'), { timeout: 60_000, interval: 100 }).toBe(true);
      expect(fake.identifiedShards.map(([id, count]) => `${id}/${count}`).sort()).toEqual(['0/2', '1/2']);
      const record = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }), 10_000);
      expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
      expect(output).toContain(`"shards":[${shardFor(fake.world.guildId, 2)}]`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.match(/"msg":"stopping: replies under way are finished"/g)).toHaveLength(2);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);
});
