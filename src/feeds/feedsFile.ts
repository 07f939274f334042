// The feeds file (FEEDS_FILE, contracts §3 and §6): which feeds to follow, which items to take
// and how often to look. Reading it is all this module does; it checks every entry up front so a
// mistake is reported once, at start-up, naming the file, the entry and the problem, instead of
// surfacing later as a feed that silently never runs.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

/** One feed to follow, checked and with its defaults filled in. */
export interface FeedConfig {
  /** Absolute http(s) url, normalised by the WHATWG URL parser. */
  url: string;
  /** Terms an item must mention to be taken; empty means every item. */
  match: string[];
  /** How often to read the feed, in milliseconds. */
  everyMs: number;
}

/** The feeds file exists but cannot be used; the message names the file and the problem. */
export class FeedsFileError extends Error {
  override name = 'FeedsFileError';
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DEFAULT_EVERY_MS = 30 * MINUTE;
const MIN_EVERY_MS = MINUTE;
// Timers in Node hold at most 2^31-1 ms (about 24.8 days) and fire at once beyond it; a week is
// far past any sensible news polling interval and safely below that.
const MAX_EVERY_MS = 7 * DAY;
const DURATION = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/i;

/**
 * Reads and checks the feeds file at `path`. Returns null when there is no such file (no
 * following); throws FeedsFileError when it exists but cannot be read, is not UTF-8, or any entry
 * is wrong.
 */
export function readFeedsFile(path: string): FeedConfig[] | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new FeedsFileError(`${path}: cannot be read (${code ?? (error as Error).message})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FeedsFileError(`${path}: is not UTF-8 text`);
  }
  return parseFeedsFile(text, path);
}

/** Checks the text of a feeds file; `name` is how messages refer to the file. */
export function parseFeedsFile(text: string, name: string): FeedConfig[] {
  try {
    return parseFeeds(text);
  } catch (error) {
    if (error instanceof Problem) throw new FeedsFileError(`${name}: ${error.message}`);
    throw error;
  }
}

// A problem found while checking, not yet naming the file; parseFeedsFile adds the name.
class Problem extends Error {}

function problem(message: string): never {
  throw new Problem(message);
}

function parseFeeds(text: string): FeedConfig[] {
  const doc = parseDocument(text);
  const yamlError = doc.errors[0];
  // The library's message carries a code frame after its first line; the first line already
  // says what and where ("... at line 3, column 5:").
  if (yamlError) problem(`malformed YAML: ${firstLine(yamlError.message).replace(/:$/, '')}`);
  const top: unknown = doc.toJS();
  if (!isRecord(top) || !('feeds' in top)) {
    problem(`the top level must be a mapping with a "feeds" list (found ${describe(top)})`);
  }
  const feeds = top.feeds;
  if (!Array.isArray(feeds)) problem(`feeds: must be a list (found ${describe(feeds)}; write "feeds: []" for none)`);
  const seen = new Map<string, number>();
  return feeds.map((entry: unknown, index) => {
    const config = parseEntry(entry, `feeds[${index}]`);
    const first = seen.get(config.url);
    if (first !== undefined) problem(`feeds[${index}].url: "${config.url}" is already listed at feeds[${first}]`);
    seen.set(config.url, index);
    return config;
  });
}

/** One entry of the list; keys other than url, match and every are ignored. */
function parseEntry(entry: unknown, where: string): FeedConfig {
  if (!isRecord(entry)) problem(`${where}: must be a mapping with a url (found ${describe(entry)})`);
  if (entry.url === undefined || entry.url === null) problem(`${where}: has no url`);
  return {
    url: parseUrl(entry.url, `${where}.url`),
    match: parseMatch(entry.match, `${where}.match`),
    everyMs: parseEvery(entry.every, `${where}.every`),
  };
}

function parseUrl(value: unknown, where: string): string {
  if (typeof value !== 'string') problem(`${where}: must be a string (found ${describe(value)})`);
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    problem(`${where}: "${value}" is not an absolute http(s) url`);
  }
  return url.href;
}

function parseMatch(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  const single = typeof value === 'string';
  const terms: unknown = single ? [value] : value;
  if (!Array.isArray(terms)) problem(`${where}: must be a string or a list of strings (found ${describe(value)})`);
  return terms.map((term: unknown, index) => {
    const at = single ? where : `${where}[${index}]`;
    // YAML reads `2025` or `true` as a number or a boolean; say how to make it a term.
    if (typeof term === 'number' || typeof term === 'boolean') {
      problem(`${at}: must be a string (found ${describe(term)}; quote it: "${String(term)}")`);
    }
    if (typeof term !== 'string') problem(`${at}: must be a string (found ${describe(term)})`);
    if (!term.trim()) problem(`${at}: must not be empty`);
    return term.trim();
  });
}

function parseEvery(value: unknown, where: string): number {
  if (value === undefined || value === null) return DEFAULT_EVERY_MS;
  // A bare number has no unit; guessing minutes or seconds would be wrong half the time.
  if (typeof value !== 'string') problem(`${where}: must be a duration such as 30m, 1h or 1h30m (found ${describe(value)})`);
  const ms = parseDuration(value);
  if (ms === null) problem(`${where}: "${value}" is not a duration such as 30m, 1h or 1h30m`);
  if (ms < MIN_EVERY_MS) problem(`${where}: "${value}" is below the minimum of 1m`);
  if (ms > MAX_EVERY_MS) problem(`${where}: "${value}" is above the maximum of 7d`);
  return ms;
}

/** `2d`, `1h30m`, `90s` and the like, in milliseconds; null when it is not such a duration. */
export function parseDuration(text: string): number | null {
  const parts = DURATION.exec(text.trim());
  if (!parts || !text.trim()) return null;
  const [, days, hours, minutes, seconds] = parts;
  return Number(days ?? 0) * DAY + Number(hours ?? 0) * HOUR + Number(minutes ?? 0) * MINUTE + Number(seconds ?? 0) * SECOND;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a wrong value is, for messages: "a list", "a number (30)", "nothing". */
function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `a string ("${value}")`;
  return `a ${typeof value} (${String(value)})`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
