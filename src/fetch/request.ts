import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * One HTTP exchange, with the guards every fetch needs: the host's addresses are resolved first
 * and the connection is pinned to one that is allowed (so a name cannot resolve to a public
 * address for the check and a private one for the connection), the time to connect and the
 * time for the whole response are bounded, and the body is refused, not truncated, once it
 * grows past the limit (counted after decompression, so a small gzip bomb is refused too).
 * Redirects are not followed here: the fetcher checks each hop again.
 */

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  /** Empty for redirects and 304. */
  body: Buffer;
}

export interface ExchangeLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  allowPrivate: boolean;
  resolve: Resolver;
  /** Why an address may not be reached, or null: refusedAddress, unless a test gives its own. */
  refuse: (address: string) => string | null;
}

/** A name's addresses, as `dns.lookup` gives them. Tests give their own. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why a fetch failed, in words a person can act on; `url` is the url that was asked for. */
export class FetchError extends Error {
  constructor(message: string, readonly retryable = false) {
    super(message);
  }
}

/** The addresses `url`'s host may be reached at: refused (without any request) when none is public. */
export async function allowedAddresses(url: URL, limits: Pick<ExchangeLimits, 'allowPrivate' | 'resolve' | 'refuse'>): Promise<{ address: string; family: number }[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await limits.resolve(host);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new FetchError(code === 'ENOTFOUND' || code === 'ENODATA' ? `the host ${host} was not found` : `the host ${host} could not be resolved (${code ?? String(error)})`, code === 'EAI_AGAIN');
    }
  }
  if (addresses.length === 0) throw new FetchError(`the host ${host} has no address`);
  if (limits.allowPrivate) return addresses;
  const allowed = addresses.filter((a) => limits.refuse(a.address) === null);
  if (allowed.length === 0) {
    const why = limits.refuse(addresses[0]?.address ?? host);
    throw new FetchError(`refused: ${host === addresses[0]?.address ? '' : `${host} resolves to `}${why} (private and local addresses are not fetched)`);
  }
  return allowed;
}

/** Sends one GET and reads the answer within the limits. */
export async function exchange(url: URL, headers: Record<string, string>, limits: ExchangeLimits): Promise<Exchange> {
  const addresses = await allowedAddresses(url, limits);
  return new Promise<Exchange>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const options: RequestOptions = { method: 'GET', headers, lookup: pinnedLookup(addresses), agent: false };
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      request.destroy();
      reject(error instanceof FetchError ? error : networkError(error));
    };
    const request = send(url, options, (response) => {
      clearTimeout(connect);
      const status = response.statusCode ?? 0;
      if ((status >= 300 && status < 400) || status === 304 || status >= 400) {
        // Nothing of a redirect's or an error's body is needed.
        response.resume();
        settled = true;
        clearTimeout(total);
        resolve({ status, headers: response.headers, body: Buffer.alloc(0) });
        response.on('error', () => undefined);
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail(new FetchError(`refused: the response is ${megabytes(declared)}, over the limit of ${megabytes(limits.maxBytes)}`));
        return;
      }
      readBody(decoded(response, response.headers['content-encoding']), limits.maxBytes).then((body) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve({ status, headers: response.headers, body });
      }, fail);
    });
    const connect = setTimeout(() => fail(new FetchError(`gave up: no connection within ${seconds(limits.connectTimeoutMs)}`, true)), limits.connectTimeoutMs);
    const total = setTimeout(() => fail(new FetchError(`gave up: no complete answer within ${seconds(limits.totalTimeoutMs)}`, true)), limits.totalTimeoutMs);
    request.on('socket', (socket) => socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect)));
    request.on('error', fail);
    request.end();
  });
}

/** A lookup that answers only with the addresses already checked. */
function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0]?.address, addresses[0]?.family);
  }) as unknown as LookupFunction;
}

function decoded(response: Readable, encoding: string | string[] | undefined): Readable {
  switch (String(encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

function readBody(stream: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        reject(new FetchError(`refused: the response is over the limit of ${megabytes(maxBytes)}`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    stream.on('error', (error) => reject(new FetchError(`the response could not be read (${error.message})`, true)));
  });
}

function networkError(error: Error): FetchError {
  const code = (error as { code?: string }).code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    ETIMEDOUT: 'the connection timed out',
    CERT_HAS_EXPIRED: 'the site\'s certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the site\'s certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'the site\'s certificate is for another name',
  };
  return new FetchError(code && words[code] ? words[code] : `the request failed (${code ?? error.message})`, true);
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 1)} MB`;
const seconds = (ms: number) => `${ms / 1000} s`;
