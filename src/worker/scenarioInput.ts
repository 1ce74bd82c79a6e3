import { PRESETS, PRESET_NAMES } from '../core/index';

/**
 * Resolves what a user gave as a scenario: an object, a preset name, or base64url-encoded
 * JSON (the share-link form). Returns the JSON value, or a precise problem.
 */
export function resolveScenarioInput(input: unknown): { ok: true; value: unknown; name: string } | { ok: false; problem: string } {
  if (typeof input !== 'string') {
    const name = typeof input === 'object' && input && typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : 'custom';
    return { ok: true, value: input, name };
  }
  if (PRESETS[input]) return { ok: true, value: PRESETS[input], name: input };
  const bad = `scenario: "${input.length > 40 ? input.slice(0, 37) + '…' : input}" is neither a preset (${PRESET_NAMES.join(', ')}) nor base64url-encoded JSON`;
  if (!/^[A-Za-z0-9_-]+$/.test(input)) return { ok: false, problem: bad };
  try {
    const value = JSON.parse(decodeBase64Url(input));
    return { ok: true, value, name: typeof value?.name === 'string' ? value.name : 'custom' };
  } catch {
    return { ok: false, problem: bad };
  }
}

export function decodeBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
