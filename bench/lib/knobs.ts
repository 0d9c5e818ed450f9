/**
 * Harness knobs from the environment for the bench and the reliability tests
 * (FUZZ_RUNS, RELIABILITY_SUMMARY, …). The app itself reads its environment
 * only through apps/api/src/config.ts; this is for the tools around it.
 */
export const knob = (name: string): string | undefined => process.env[name] || undefined;
