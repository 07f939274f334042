/**
 * `npm run shards`: the gateway bot as several processes, for a bot in many guilds, with
 * discord.js's ShardingManager. Each shard is `src/main.ts` in its own process (discord.js gives
 * it its shard ids), all on the same CORPUS_DIR and CACHE_DIR: one builds the snapshot and the
 * others open it (see src/build/buildOnce.ts), one follows the feeds (src/feeds/leader.ts).
 * SHARD_COUNT sets the number of shards (default: as many as Discord recommends).
 * SIGTERM stops every shard gracefully, then this process exits 0.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { configOrComplain, ConfigError } from './config.js';
import { createLogger, errorFields } from './log.js';

// A shard's gateway session must be ready within this long (it first opens or builds the index).
const SPAWN_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const config = configOrComplain('verbatim');
  if (!config) return 2;
  if (!config.token) {
    process.stderr.write('verbatim: DISCORD_TOKEN is not set: shards are gateway connections and need it\n');
    return 2;
  }
  const log = createLogger(config.logLevel);
  const totalShards = await shardCount(config.token, config.apiBase, process.env.SHARD_COUNT);
  // Each shard runs main as this process runs: compiled JavaScript from dist/, or the sources under tsx.
  const compiled = import.meta.url.endsWith('.js');
  const manager = new ShardingManager(fileURLToPath(new URL(compiled ? './main.js' : './main.ts', import.meta.url)), {
    token: config.token, totalShards, mode: 'process', execArgv: compiled ? [] : ['--import', 'tsx'], respawn: true,
  });
  const shards: Shard[] = [];
  manager.on('shardCreate', (shard) => {
    shards.push(shard);
    log.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', () => log.warn({ shard: shard.id }, 'shard process ended'));
  });
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await manager.spawn({ timeout: SPAWN_TIMEOUT_MS });
  log.info({ shards: totalShards }, 'all shards connected');
  const signal = await stopped;
  log.info({ signal }, 'stopping every shard');
  await Promise.all(shards.map(stopShard));
  return 0;
}

/** SHARD_COUNT when set, else Discord's recommendation for this bot (GET /gateway/bot, through DISCORD_API_BASE). */
async function shardCount(token: string, apiBase: string | null, raw: string | undefined): Promise<number> {
  if (raw !== undefined && raw.trim() !== '') {
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 1) throw new ConfigError(`SHARD_COUNT is malformed: expected a whole number of shards, got "${raw}"`);
    return count;
  }
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/** SIGTERM to one shard's process (no respawn), resolved when it has exited. */
function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // kill() stops discord.js from respawning it; the shard itself handles SIGTERM gracefully.
    shard.kill();
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const { err } = errorFields(error);
    process.stderr.write(`verbatim: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
