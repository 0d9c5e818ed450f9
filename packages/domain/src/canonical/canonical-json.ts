/**
 * Canonical JSON: the one byte-exact text form of a value that the event hash
 * chain and the revision (版) hashes are computed over. Two parties hashing the
 * same logical value must get the same SHA-256, whatever their key order or
 * Unicode input method, so the format is fixed here and must never change
 * without a new hash/seal version.
 *
 * Format (close to RFC 8785 JCS, with NFC added):
 * - No whitespace anywhere. Separators are exactly `,` and `:`.
 * - `null`, `true`, `false` as in JSON.
 * - Numbers: finite only (NaN/±Infinity are rejected); `-0` is written `0`;
 *   otherwise the ECMAScript Number-to-String form (shortest round-trip,
 *   e.g. `1`, `0.1`, `1e+21`, `1.5e-7`), which is what JSON.stringify emits.
 * - Strings (values and keys): Unicode-normalized to NFC first, then escaped as
 *   JSON.stringify does (`"` `\` and U+0000–U+001F escaped, `\b \f \n \r \t`
 *   short forms, everything else literal). Strings containing a lone surrogate
 *   are rejected: they have no UTF-8 encoding, so hashing them would be lossy.
 * - Arrays: elements in their given order. Holes and `undefined` elements are
 *   rejected (JSON.stringify would silently turn them into `null`).
 * - Objects: plain objects only (prototype Object.prototype or null). Own
 *   enumerable string keys; properties whose value is `undefined` are dropped;
 *   keys sorted ascending by UTF-16 code units after NFC normalization. Two keys
 *   that become equal after NFC are rejected as ambiguous.
 * - Anything else (bigint, symbol, function, Date, Map, class instances, cycles)
 *   is rejected with a validation DomainError (code `invalid_canonical_json`,
 *   a 400 at the API) naming the JSON path.
 *
 * Hash input is the UTF-8 encoding of this string (`canonicalJsonBytes`).
 * Pure: no node:crypto, so the web app can use it as well.
 */

import { validationError } from '../errors.ts';

const LONE_SURROGATE = /\p{Surrogate}/u;

/** Input that has no canonical form is the caller's input problem (4xx), never a 500. */
const fail = (path: string, what: string): never => {
  throw validationError('invalid_canonical_json', `canonicalJson: ${what} at ${path}`, { path });
};

const canonicalString = (s: string, path: string): string => {
  if (LONE_SURROGATE.test(s)) fail(path, 'string with a lone surrogate');
  return JSON.stringify(s.normalize('NFC'));
};

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Code-unit order, independent of locale (unlike localeCompare). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const write = (value: unknown, path: string, seen: Set<object>): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) return fail(path, `non-finite number ${String(value)}`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return canonicalString(value, path);
    case 'object':
      break;
    default:
      return fail(path, `unsupported ${typeof value}`);
  }
  const obj = value as object;
  if (seen.has(obj)) fail(path, 'cycle');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    const parts: string[] = [];
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) fail(`${path}[${i}]`, 'array hole');
      const item: unknown = obj[i];
      if (item === undefined) fail(`${path}[${i}]`, 'undefined array element');
      parts.push(write(item, `${path}[${i}]`, seen));
    }
    out = `[${parts.join(',')}]`;
  } else {
    if (!isPlainObject(obj)) fail(path, `non-plain object (${obj.constructor?.name ?? 'unknown'})`);
    const rec = obj as Record<string, unknown>;
    const entries: [string, string][] = [];
    const keys = new Set<string>();
    for (const rawKey of Object.keys(rec)) {
      const v = rec[rawKey];
      if (v === undefined) continue;
      if (LONE_SURROGATE.test(rawKey)) fail(path, 'key with a lone surrogate');
      const key = rawKey.normalize('NFC');
      if (keys.has(key)) fail(path, `keys equal after NFC normalization (${JSON.stringify(key)})`);
      keys.add(key);
      entries.push([key, write(v, `${path}.${key}`, seen)]);
    }
    entries.sort((a, b) => byCodeUnits(a[0], b[0]));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  }
  // Only ancestors count as cycles; the same object twice in siblings is fine.
  seen.delete(obj);
  return out;
};

/** Deterministic JSON text of `value` (format in the file header). Throws on non-JSON input. */
export const canonicalJson = (value: unknown): string => {
  if (value === undefined) fail('$', 'undefined');
  return write(value, '$', new Set());
};

/** canonicalJson of one string, without the walk's bookkeeping (for writers of a fixed shape, canonical-cells.ts). */
export const canonicalStringJson = (s: string): string => canonicalString(s, '$');

/** UTF-8 bytes of `canonicalJson(value)`: the exact input of the SHA-256. */
export const canonicalJsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));
