import { writeFileSync } from 'node:fs';
import { buildAnnex } from './src/index.ts';
import { largeAnnex } from './src/fixtures/large-annex.ts';
const input = largeAnnex();
console.log('cells', input.cells.length);
for (let i = 0; i < 2; i++) { const t0 = performance.now(); const a = await buildAnnex(input); console.log('ms', Math.round(performance.now() - t0), a.length); writeFileSync('/tmp/annex-large.docx', a); }
