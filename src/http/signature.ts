import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// An Ed25519 public key in DER (SubjectPublicKeyInfo) is this fixed prefix and the 32 raw bytes
// Discord shows as hex in the Developer Portal (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key from its hex form; throws for anything that is not 32 bytes of hex. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex digits (the 32-byte key from the Developer Portal)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/**
 * Whether Discord signed this request: an Ed25519 signature (X-Signature-Ed25519, hex) over the
 * timestamp header's bytes followed by the raw body, checked with Node's own crypto. Anything
 * malformed is simply not signed.
 */
export function isSignedByDiscord(key: KeyObject, signatureHex: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
