/**
 * `npm run load -- [--interactions N] [--seconds S] [--corpus DIR] [--json]`: the bot as it runs
 * in production (`src/main.ts` in its own process), logged into the loopback fake of Discord,
 * receives N interactions spread at random over S seconds from 40 users: questions, /quotes,
 * autocomplete, /sources, /help and "More" clicks. Reports reply latency (from the interaction
 * to its acknowledgement, as Discord measures its 3 s deadline), missed deadlines, errors,
 * duplicate replies and replies that could ping. With `--http`, interactions mode with replicas
 * instead (see scripts/loadHttp.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FakeDiscord, type InteractionRecord } from '../test/fake-discord/server.js';
import { httpLoad } from './loadHttp.js';

const { values } = parseArgs({
  options: {
    interactions: { type: 'string' }, seconds: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean' },
    // Interactions mode over HTTP (scripts/loadHttp.ts): replicas behind a round-robin balancer.
    http: { type: 'boolean' }, replicas: { type: 'string' }, concurrency: { type: 'string' }, cache: { type: 'string' },
  },
});
const total = Number(values.interactions ?? (values.http ? 1000 : 200));
const seconds = Number(values.seconds ?? 10);
const corpus = values.corpus ?? 'corpus';
const DEADLINE_MS = 3000;
const USERS = Array.from({ length: 40 }, (_, i) => String(300000000000000000n + BigInt(i)));
const QUESTIONS = ['what did Lavrov say', 'what did Rubio say about Ukraine', 'who said the talks were useful', 'embassies', 'what did the foreign minister say', 'sanctions', 'what did Witkoff say'];
const SPEAKERS = ['Lavrov', 'Rubio', 'Waltz', 'Ushakov', 'Witkoff'];

let seed = 20250218;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

async function main(): Promise<void> {
  const fake = await FakeDiscord.start();
  const ready = fake.ready();
  const bot = spawn(join('node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: corpus, CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-load-')), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await ready;
    const records = await send(fake);
    await Promise.all(records.map((record) => fake.settled(record, 15_000).catch(() => record)));
    report(records, fake);
  } finally {
    // The bot stops gracefully while its Discord is still up, then the fake closes.
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await fake.close();
  }
}

/** Sends the interactions at random times over the window; returns them as the fake recorded them. */
async function send(fake: FakeDiscord): Promise<InteractionRecord[]> {
  const times = Array.from({ length: total }, () => random() * seconds * 1000).sort((a, b) => a - b);
  const records: InteractionRecord[] = [];
  const started = Date.now();
  for (const at of times) {
    const wait = started + at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    records.push(one(fake, records));
  }
  return records;
}

function one(fake: FakeDiscord, earlier: InteractionRecord[]): InteractionRecord {
  const user = pick(USERS);
  const roll = random();
  const withMore = earlier.find((r) => r.message && JSON.stringify(r.message.components ?? []).includes('"More"'));
  if (roll < 0.5) return fake.command('ask', { question: pick(QUESTIONS) }, 0, user);
  if (roll < 0.7) return fake.command('quotes', { speaker: pick(SPEAKERS) }, 0, user);
  if (roll < 0.85) return fake.autocomplete('quotes', { speaker: pick(SPEAKERS).slice(0, 3) }, 'speaker');
  if (roll < 0.9 && withMore?.message) {
    const id = (withMore.message.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : [])).find((b) => b.label === 'More')?.custom_id;
    if (id) return fake.click(withMore.message, id);
  }
  return fake.command(pick(['sources', 'help']), {}, 0, user);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number);
}

function report(records: InteractionRecord[], fake: FakeDiscord): void {
  const latencies = records.map((r) => (r.responses[0] ? r.responses[0].at - r.sentAt : Infinity)).sort((a, b) => a - b);
  const missed = records.filter((r) => !r.responses[0] || r.responses[0].at - r.sentAt > DEADLINE_MS || r.responses[0].code === 10062).length;
  const errors = records.filter((r) => r.responses.some((x) => x.status >= 400)).length;
  const duplicates = records.filter((r) => r.responses.filter((x) => x.route === 'callback' && x.status < 300).length > 1).length;
  const result = {
    interactions: records.length, seconds, latencyP50Ms: percentile(latencies, 0.5), latencyP99Ms: percentile(latencies, 0.99), latencyMaxMs: latencies.at(-1),
    missedDeadlines: missed, errors, duplicateReplies: duplicates, pings: fake.violations.length,
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`load: ${result.interactions} interactions in ${seconds} s through the fake Discord (40 users; the bot in its own process)`);
    console.log(`reply latency p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, max ${result.latencyMaxMs} ms`);
    console.log(`missed deadlines ${missed}, errors ${errors}, duplicate replies ${duplicates}, replies that could ping ${result.pings}`);
  }
  if (missed + errors + duplicates + result.pings > 0) process.exitCode = 1;
}

if (values.http) {
  httpLoad({
    replicas: Number(values.replicas ?? 2), interactions: total, concurrency: Number(values.concurrency ?? 4), corpus, cache: values.cache ?? null, json: !!values.json,
    next: (fake, earlier) => one(fake, earlier),
  }).then((code) => (process.exitCode = code), (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
} else {
  void main();
}
