import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every test project loads this: a console.error nobody expected fails the test that caused it
 * (React warnings, unhandled rejections logged by libraries, stray debug output). A test that
 * expects one says so with `expectConsoleError()` from this file.
 */
let calls: unknown[][] = [];
let allowed = 0;

beforeEach(() => {
  calls = [];
  allowed = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void calls.push(args));
});

afterEach(() => {
  const unexpected = calls.slice(allowed);
  vi.mocked(console.error).mockRestore();
  if (unexpected.length) {
    const text = unexpected.map((a) => a.map((x) => (x instanceof Error ? x.stack : String(x))).join(' ')).join('\n');
    throw new Error(`unexpected console.error (${unexpected.length}):\n${text.slice(0, 4000)}`);
  }
});

/** Declares that the current test expects `count` console.error calls. */
export const expectConsoleError = (count = 1) => {
  allowed += count;
};
