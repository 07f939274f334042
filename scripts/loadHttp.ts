/**
 * `npm run load -- --http [--replicas 2] [--interactions 1000] [--concurrency 4] [--corpus DIR] [--cache DIR] [--json]`:
 * Verbatim in interactions mode as it is deployed: `--replicas` processes of the compiled bot
 * (`dist/src/main.js`, as `npm start` and the container run it) with DISCORD_PUBLIC_KEY on one
 * CORPUS_DIR and CACHE_DIR (a new one, or `--cache DIR`'s), each on its own port, and this script as
 * their load balancer (round robin) and as Discord (it signs every interaction, and the loopback
 * fake takes the edits and follow-ups). Measured in the same run:
 *   1. HTTP: `--interactions` at `--concurrency` in flight: latency from request to response,
 *      failures, replies over Discord's limits, duplicates, pings; throughput.
 *   2. Gateway: the same interactions through one gateway process, for its throughput.
 *   3. A replica killed (SIGKILL) a third of the way through 300 more: what the other answered,
 *      what was lost in flight, and the killed one's restart to ready from the snapshot.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord, type InteractionRecord } from '../test/fake-discord/server.js';

export interface HttpLoadOptions {
  replicas: number;
  interactions: number;
  concurrency: number;
  corpus: string;
  /** CACHE_DIR for every process: an existing one (its snapshot opened), or null for a new one. */
  cache: string | null;
  json: boolean;
  /** One interaction of the mix (the same as the gateway load's). */
  next: (fake: FakeDiscord, earlier: InteractionRecord[]) => InteractionRecord;
}

interface Replica {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

// Node itself, not npm or a wrapper: a signal (SIGKILL above all) must reach the process that serves.
const NODE_TS = [process.execPath, [join('dist', 'src', 'main.js')]] as const;

export async function httpLoad(options: HttpLoadOptions): Promise<number> {
  const compiled = spawnSync(process.execPath, [join('scripts', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`the build failed: ${compiled.stderr}`);
  const fake = await FakeDiscord.start();
  const cacheDir = options.cache ?? mkdtempSync(join(tmpdir(), 'verbatim-load-http-'));
  const env = { CORPUS_DIR: options.corpus, CACHE_DIR: cacheDir, DISCORD_PUBLIC_KEY: fake.publicKeyHex, DISCORD_API_BASE: fake.apiBase, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' };
  const replicas = await Promise.all(Array.from({ length: options.replicas }, () => startReplica(env)));
  let gateway: ChildProcess | null = null;
  try {
    const http = await drive(fake, options, () => replicas.map((r) => r.url));
    fake.sendTo(null);
    const ready = fake.ready();
    gateway = spawn(NODE_TS[0], [...NODE_TS[1]], { env: { ...process.env, ...env, DISCORD_PUBLIC_KEY: '', DISCORD_TOKEN: fake.token }, stdio: ['ignore', 'ignore', 'inherit'] });
    await ready;
    const viaGateway = await drive(fake, options, () => [null]);
    const kill = await killOne(fake, options, replicas, env);
    const report = { replicas: options.replicas, concurrency: options.concurrency, http: http.figures, gateway: viaGateway.figures, killed: kill };
    print(report, options.json);
    const bad = http.figures.failures + http.figures.overLimit + http.figures.duplicates + http.figures.pings;
    return bad > 0 || kill.answeredAfterKill === 0 ? 1 : 0;
  } finally {
    const gatewayExited = gateway && gateway.exitCode === null ? new Promise((resolve) => gateway?.once('exit', resolve)) : Promise.resolve();
    gateway?.kill('SIGTERM');
    await Promise.race([gatewayExited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await Promise.all(replicas.map(async (r) => {
      r.child.kill('SIGTERM');
      await Promise.race([r.exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    }));
    await fake.close();
  }
}

/** One replica process on a free port, ready when its /healthz says so. */
async function startReplica(env: Record<string, string>): Promise<Replica & { readyMs: number }> {
  const started = performance.now();
  const child = spawn(NODE_TS[0], [...NODE_TS[1]], { env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let log = '';
  child.stderr?.on('data', (chunk) => (log += String(chunk)));
  const port = await until(() => /"port":(\d+)/.exec(log)?.[1] ?? null, 60_000, () => log);
  const base = `http://127.0.0.1:${port}`;
  await until(async () => ((await fetch(`${base}/healthz`).catch(() => null))?.status === 200 ? true : null), 600_000, () => log);
  return { child, url: `${base}/interactions`, exited, readyMs: Math.round(performance.now() - started) };
}

async function until<T>(probe: () => T | null | Promise<T | null>, timeoutMs: number, context: () => string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`a replica did not get ready: ${context().slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Figures {
  interactions: number;
  seconds: number;
  throughputPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  failures: number;
  overLimit: number;
  duplicates: number;
  pings: number;
}

/**
 * Keeps `concurrency` interactions in flight until `interactions` are answered, each sent to the
 * next endpoint in turn (null: the gateway). Latency is from sending to the first response.
 */
async function drive(fake: FakeDiscord, options: HttpLoadOptions, endpoints: () => (string | null)[], total = options.interactions): Promise<{ figures: Figures; records: InteractionRecord[] }> {
  const records: InteractionRecord[] = [];
  const pingsBefore = fake.violations.length;
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < total) {
      const targets = endpoints();
      fake.sendTo(targets[sent % targets.length] ?? null);
      sent++;
      const record = options.next(fake, records);
      records.push(record);
      await fake.settled(record, 15_000).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { figures: figuresOf(records, seconds, fake.violations.length - pingsBefore), records };
}

function figuresOf(records: InteractionRecord[], seconds: number, pings: number): Figures {
  const latencies = records.map((r) => (r.responses[0] && r.responses[0].status > 0 ? r.responses[0].at - r.sentAt : Infinity)).sort((a, b) => a - b);
  const failed = (r: InteractionRecord) => !r.responses[0] || r.responses.some((x) => x.status === 0 || (x.status >= 400 && x.code !== 50035));
  return {
    interactions: records.length, seconds: round(seconds), throughputPerSecond: round(records.length / seconds),
    latencyP50Ms: percentile(latencies, 0.5), latencyP99Ms: percentile(latencies, 0.99), latencyMaxMs: latencies.at(-1) ?? NaN,
    failures: records.filter(failed).length,
    overLimit: records.filter((r) => r.responses.some((x) => x.code === 50035)).length,
    duplicates: records.filter((r) => r.responses.filter((x) => x.route === 'callback' && x.status > 0 && x.status < 300).length > 1).length,
    pings,
  };
}

/**
 * 300 interactions over the replicas; after the first 100, replica 0 is killed (SIGKILL) and the
 * balancer sends the rest to the others, as one whose health check failed. Then replica 0 is
 * started again: how long until its /healthz says ready (it opens the snapshot).
 */
async function killOne(fake: FakeDiscord, options: HttpLoadOptions, replicas: (Replica & { readyMs: number })[], env: Record<string, string>) {
  let killedAt = -1;
  const victim = replicas[0] as Replica;
  const others = replicas.slice(1).map((r) => r.url);
  let count = 0;
  const { records } = await drive(fake, options, () => {
    if (++count === 100) {
      killedAt = count;
      victim.child.kill('SIGKILL');
    }
    return killedAt < 0 ? replicas.map((r) => r.url) : others;
  }, 300);
  const after = records.slice(100);
  const before = records.slice(0, 100);
  const answered = (r: InteractionRecord) => r.responses.some((x) => x.status > 0 && x.status < 300);
  await victim.exited;
  const restarted = await startReplica(env);
  replicas[0] = restarted;
  return {
    sent: records.length, killedAfter: 100,
    lostInFlight: before.filter((r) => !answered(r)).length,
    answeredAfterKill: after.filter(answered).length, failedAfterKill: after.filter((r) => !answered(r)).length,
    restartToReadyMs: restarted.readyMs,
  };
}

function print(report: { replicas: number; concurrency: number; http: Figures; gateway: Figures; killed: Awaited<ReturnType<typeof killOne>> }, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  const line = (name: string, f: Figures) =>
    `${name}: ${f.interactions} interactions in ${f.seconds} s = ${f.throughputPerSecond}/s; latency p50 ${f.latencyP50Ms} ms, p99 ${f.latencyP99Ms} ms, max ${f.latencyMaxMs} ms; failures ${f.failures}, over-limit ${f.overLimit}, duplicates ${f.duplicates}, pings ${f.pings}`;
  console.log(`load --http: ${report.replicas} replicas, ${report.concurrency} in flight, signed by the fake Discord; gateway mode in the same run`);
  console.log(line('http', report.http));
  console.log(line('gateway', report.gateway));
  const k = report.killed;
  console.log(`replica killed after ${k.killedAfter} of ${k.sent}: ${k.lostInFlight} lost in flight, ${k.answeredAfterKill} answered after by the other(s), ${k.failedAfterKill} failed after; restarted to ready in ${k.restartToReadyMs} ms`);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number);
}

const round = (value: number) => Number(value.toPrecision(3));
