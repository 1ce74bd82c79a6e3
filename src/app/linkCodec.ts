import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * JSON in a link: `base64url(deflate(JSON))` (RFC 4648 §5 alphabet, no padding), the form of
 * the page's `#s=` (scenario) and `#i=` (recorded inputs). Decoding is bounded: at most
 * MAX_PACKED_CHARS in and MAX_JSON_BYTES out, so a hostile link cannot exhaust memory.
 */
export const MAX_PACKED_CHARS = 2_000_000;
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

export function packJson(value: unknown): string {
  return bytesToBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

export function unpackJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (text.length > MAX_PACKED_CHARS) return { ok: false, problem: `${what}: too long (${text.length} characters; at most ${MAX_PACKED_CHARS})` };
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return { ok: false, problem: `${what}: not base64url (only A–Z, a–z, 0–9, "-" and "_" may appear)` };
  let bytes: Uint8Array;
  try {
    bytes = base64UrlToBytes(text);
  } catch {
    return { ok: false, problem: `${what}: not base64url` };
  }
  let json: Uint8Array;
  try {
    json = inflateSync(bytes, { out: new Uint8Array(MAX_JSON_BYTES + 1) });
  } catch {
    return { ok: false, problem: `${what}: not deflate-compressed data` };
  }
  if (json.length > MAX_JSON_BYTES) return { ok: false, problem: `${what}: expands to more than ${MAX_JSON_BYTES / 1024 / 1024} MB` };
  try {
    return { ok: true, value: JSON.parse(strFromU8(json)) };
  } catch {
    return { ok: false, problem: `${what}: the decompressed text is not JSON` };
  }
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlToBytes(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
