import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every test project loads this: a console.error nobody expected fails the test that caused it
 * (React warnings, unhandled rejections logged by libraries, stray debug output). A test that
 * expects one says so with `expectConsoleError()` from this file.
 */
let calls: unknown[][] = [];
let allowed = 0;
let patterns: RegExp[] = [];

beforeEach(() => {
  calls = [];
  allowed = 0;
  patterns = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void calls.push(args));
});

afterEach(() => {
  const text = (a: unknown[]) => a.map((x) => (x instanceof Error ? x.stack : String(x))).join(' ');
  const unexpected = calls.filter((a) => !patterns.some((p) => p.test(text(a)))).slice(allowed);
  vi.mocked(console.error).mockRestore();
  if (unexpected.length) {
    throw new Error(`unexpected console.error (${unexpected.length}):\n${unexpected.map(text).join('\n').slice(0, 4000)}`);
  }
});

/** Declares that the current test expects `count` console.error calls. */
export const expectConsoleError = (count = 1) => {
  allowed += count;
};

/** Declares that the current test may log any number of console.error lines matching `pattern` (e.g. a database outage it causes). */
export const allowConsoleErrors = (pattern: RegExp) => {
  patterns.push(pattern);
};
