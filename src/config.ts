import { readFileSync } from 'node:fs';
import { LOG_LEVELS, type LogLevel } from './log.js';

const packageInfo = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; repository?: string | { url?: string }; homepage?: string };

/** package.json's repository (or homepage) as an https url, or null when neither is set. */
function repositoryUrl(): string | null {
  const repository = typeof packageInfo.repository === 'string' ? packageInfo.repository : packageInfo.repository?.url;
  const url = repository?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/') ?? packageInfo.homepage;
  return url ?? null;
}

/** Configuration from the environment (contracts §3), checked once at start. */
export interface Config {
  /** Never printed or logged, not even in part. */
  token: string | null;
  clientId: string | null;
  guildId: string | null;
  apiBase: string | null;
  corpusDir: string;
  rateLimit: { count: number; seconds: number } | null;
  cacheDir: string;
  /** FEEDS_FILE: the feeds to follow (default feeds.yaml; a missing file means no following). */
  feedsFile: string;
  /** FETCH_USER_AGENT: sent with every fetch. */
  userAgent: string;
  /** ALLOW_PRIVATE_URLS=1: fetches may reach loopback and private addresses. */
  allowPrivateUrls: boolean;
  /** LOG_LEVEL: not in contracts §3, an optional addition (default info; debug logs question text). */
  logLevel: LogLevel;
  /** DISCORD_PUBLIC_KEY (64 hex digits): when set, npm start serves HTTP interactions (contracts §7). */
  publicKey: string | null;
  /** PORT: the HTTP port in interactions mode (default 3000). */
  port: number;
}

/** A variable that is set but malformed. The message names the variable, never a token's value. */
export class ConfigError extends Error {}

/** Names Verbatim, its version and where to find it, so a site's operator knows who is calling. */
export const DEFAULT_USER_AGENT = `Verbatim/${packageInfo.version} (news quotation bot${repositoryUrl() ? `; +${repositoryUrl()}` : ''})`;

const SNOWFLAKE = /^\d{15,21}$/;
const DEFAULT_RATE_LIMIT = { count: 5, seconds: 10 };

/** Reads the configuration; an empty variable means its default (as a fresh .env leaves it). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  const token = value('DISCORD_TOKEN');
  if (token !== null && /\s/.test(token)) throw new ConfigError('DISCORD_TOKEN is malformed: it contains spaces');
  return {
    token,
    clientId: snowflake('DISCORD_CLIENT_ID', value('DISCORD_CLIENT_ID')),
    guildId: snowflake('DISCORD_GUILD_ID', value('DISCORD_GUILD_ID')),
    apiBase: url('DISCORD_API_BASE', value('DISCORD_API_BASE')),
    corpusDir: value('CORPUS_DIR') ?? 'corpus',
    rateLimit: rateLimit(value('RATE_LIMIT')),
    cacheDir: value('CACHE_DIR') ?? '.cache',
    feedsFile: value('FEEDS_FILE') ?? 'feeds.yaml',
    userAgent: userAgent(value('FETCH_USER_AGENT')),
    allowPrivateUrls: flag('ALLOW_PRIVATE_URLS', value('ALLOW_PRIVATE_URLS')),
    logLevel: logLevel(value('LOG_LEVEL')),
    publicKey: publicKey(value('DISCORD_PUBLIC_KEY')),
    port: port(value('PORT')),
  };
}

function publicKey(raw: string | null): string | null {
  if (raw !== null && !/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError('DISCORD_PUBLIC_KEY is malformed: expected the 64 hex digits of the application\'s public key');
  return raw;
}

function port(raw: string | null): number {
  if (raw === null) return 3000;
  const value = Number(raw);
  // 0 asks the system for a free port (tests, several replicas on one machine).
  if (!/^\d+$/.test(raw) || value > 65_535) throw new ConfigError(`PORT is malformed: expected a port number from 0 to 65535, got "${raw}"`);
  return value;
}

/**
 * The configuration for a program's start, or null after one line on stderr naming the
 * malformed variable (`program: …`), for the program to exit 2. Other errors are thrown.
 */
export function configOrComplain(program: string, env: NodeJS.ProcessEnv = process.env): Config | null {
  try {
    return readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${program}: ${error.message}\n`);
    return null;
  }
}

function flag(name: string, raw: string | null): boolean {
  if (raw === null || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new ConfigError(`${name} is malformed: expected 1 or 0, got "${raw}"`);
}

function userAgent(raw: string | null): string {
  if (raw === null) return DEFAULT_USER_AGENT;
  // A header value: printable ASCII only, or the request could not be sent.
  if (!/^[\x20-\x7e]+$/.test(raw)) throw new ConfigError('FETCH_USER_AGENT is malformed: only printable ASCII characters can be sent in a header');
  return raw;
}

function logLevel(raw: string | null): LogLevel {
  if (raw === null) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new ConfigError(`LOG_LEVEL is malformed: expected one of ${LOG_LEVELS.join(', ')}; got "${raw}"`);
  return level;
}

function snowflake(name: string, raw: string | null): string | null {
  if (raw !== null && !SNOWFLAKE.test(raw)) throw new ConfigError(`${name} is malformed: expected a Discord id (15 to 21 digits), got "${raw}"`);
  return raw;
}

function url(name: string, raw: string | null): string | null {
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is malformed: expected an http(s) URL, got "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name} is malformed: expected an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function rateLimit(raw: string | null): Config['rateLimit'] {
  if (raw === null) return DEFAULT_RATE_LIMIT;
  if (raw.toLowerCase() === 'off') return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const count = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || count < 1 || seconds < 1) {
    throw new ConfigError(`RATE_LIMIT is malformed: expected COUNT/SECONDS such as 5/10, or off; got "${raw}"`);
  }
  return { count, seconds };
}
