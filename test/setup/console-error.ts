import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every test project loads this: a console.error nobody expected fails the test that caused it
 * (React warnings, unhandled rejections logged by libraries, stray debug output). A test that causes
 * an expected error output passes its own logger instead (see the outage test's database log).
 */
let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void calls.push(args));
});

afterEach(() => {
  const text = (a: unknown[]) => a.map((x) => (x instanceof Error ? x.stack : String(x))).join(' ');
  vi.mocked(console.error).mockRestore();
  if (calls.length) {
    throw new Error(`unexpected console.error (${calls.length}):\n${calls.map(text).join('\n').slice(0, 4000)}`);
  }
});

