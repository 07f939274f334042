import sniffHtmlEncoding from 'html-encoding-sniffer';
import whatwgEncoding from 'whatwg-encoding';
import chardet from 'chardet';

/**
 * Bytes from the web to text, as a browser would read them. For a page: a byte-order mark, then
 * the charset of the Content-Type header, then a `<meta charset>` or `http-equiv` in the first
 * 1,024 bytes (the HTML standard's prescan, by html-encoding-sniffer), then a sniff: bytes that
 * are valid UTF-8 are UTF-8, others are chardet's guess, and windows-1252 when it has none (the
 * web's default for undeclared pages). Labels are read as the Encoding Standard reads them, so
 * "iso-8859-1" and "ascii" mean windows-1252, as they do in every browser.
 */

/** The text of an HTML page, and the encoding it was read in. */
export function decodeHtml(bytes: Uint8Array, headerCharset: string | null): { text: string; encoding: string } {
  const declared = sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: supportedLabel(headerCharset), defaultEncoding: NONE });
  const encoding = declared === NONE ? sniff(bytes) : declared;
  return { text: whatwgEncoding.decode(bytes, encoding), encoding };
}

/** The text of an XML document (a feed or sitemap): BOM, header, then the XML declaration, else a sniff. */
export function decodeXml(bytes: Uint8Array, headerCharset: string | null): { text: string; encoding: string } {
  const encoding = whatwgEncoding.getBOMEncoding(bytes)
    ?? labelName(headerCharset)
    ?? labelName(xmlDeclarationEncoding(bytes))
    ?? sniff(bytes);
  return { text: whatwgEncoding.decode(bytes, encoding), encoding };
}

// A name no encoding has: tells "nothing declared" from the sniffer's default.
const NONE = 'x-verbatim-undeclared';
// chardet's guesses that are trusted; anything else (a guess of an exotic encoding on a short
// page) falls back to the web's default.
const SNIFFABLE = new Set(['windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-8', 'koi8-r', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'gbk', 'gb18030', 'big5', 'utf-16le', 'utf-16be']);

function sniff(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return 'UTF-8';
  const guess = labelName(chardet.detect(bytes));
  return guess && SNIFFABLE.has(guess.toLowerCase()) ? guess : 'windows-1252';
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The Encoding Standard's name for a label, when it is one that can be decoded. */
function labelName(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = whatwgEncoding.labelToName(label.trim());
  return name && whatwgEncoding.isSupported(name) ? name : null;
}

function supportedLabel(label: string | null): string | undefined {
  return labelName(label) ?? undefined;
}

/** `<?xml version="1.0" encoding="…"?>` at the start of the bytes, read as ASCII. */
function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null;
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** The media type of a Content-Type header value, lower case, without parameters, or null. */
export function mediaTypeOf(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}
