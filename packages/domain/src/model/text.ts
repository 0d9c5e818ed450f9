/**
 * Text every string crossing a boundary must be: no NUL (PostgreSQL `text` cannot hold U+0000, so
 * it would surface as a 500) and no lone surrogate (no UTF-8 encoding: stored, hashed or exported
 * it would be silently replaced or refused later). Valid pairs (emoji, rare kanji) are fine.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const INVALID_TEXT = /\u0000|\p{Surrogate}/u;

export const isCleanText = (s: string): boolean => !INVALID_TEXT.test(s);

export const INVALID_TEXT_MESSAGE = 'Text must not contain NUL characters or unpaired UTF-16 surrogates.';

/** Objects made of JSON/query data; a Buffer, stream or other class instance is no text to check. */
const isData = (v: object) => {
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  // A parsed query string's prototype is an empty object without a prototype of its own.
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
};

/**
 * The JSON path of the first string (value or object key) in `value` that is not clean text, or
 * null. Walks data objects and arrays only (a Buffer or stream body is not text), iteratively, so
 * deep input cannot overflow the stack.
 */
export const findInvalidText = (value: unknown): string | null => {
  const stack: [unknown, string][] = [[value, '$']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) return path;
    } else if (v !== null && typeof v === 'object' && isData(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (!isCleanText(k)) return path;
        stack.push([child, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`]);
      }
    }
  }
  return null;
};
