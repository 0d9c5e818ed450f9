import { appendFileSync } from 'node:fs';
import { testEngine } from '@bunkai/db/testing';
import { knob } from '../../../../bench/lib/knobs.ts';

/**
 * With RELIABILITY_SUMMARY=<file>, tests append one JSON line of figures
 * (requests sent, writes acknowledged, time to 503…) for docs/reliability.md.
 */
export const report = (test: string, figures: Record<string, unknown>) => {
  const file = knob('RELIABILITY_SUMMARY');
  if (file) appendFileSync(file, `${JSON.stringify({ test, engine: testEngine(), at: new Date().toISOString(), ...figures })}\n`);
};
