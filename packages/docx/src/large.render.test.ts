import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildAnnex, buildAnnexOfFormat } from './build-annex.ts';
import { buildModel } from './annex-model.ts';
import { largeAnnex } from './fixtures/large-annex.ts';
import { readAnnexProperties } from './properties.ts';

it('builds the reference engagement (8 parties, 60 assets, 150 duties, ~3,600 cells)', { timeout: 120_000 }, async () => {
  const input = largeAnnex();
  expect(input.cells.length).toBeGreaterThan(3_500);
  const model = buildModel(input);
  const rows = model.parts.flatMap((p) => p.groups).flatMap((g) => g.rows);
  // Like cells of a duty collapse into one row naming their assets: every cell is stood for exactly once, in fewer rows.
  const covered = rows.reduce((n, r) => n + (r.cell === null ? 0 : Math.max(1, r.assets.length)), 0);
  expect(covered).toBe(input.cells.length);
  expect(rows.length).toBeLessThan(input.cells.length);
  expect(model.matrix.reduce((n, b) => n + b.rows.length, 0)).toBe(input.cells.length);
  const buffer = await buildAnnex(input);
  expect(await readAnnexProperties(buffer)).toMatchObject({ revisionNumber: 2 });
});

it('format 2 of the reference engagement, matrix included (its long tables go through the chunked docx path), is the same bytes as before format 3 existed', { timeout: 180_000 }, async () => {
  // SHA-256 of buildAnnex(largeAnnex(), { includeMatrix: true }) taken at commit dc50b2c, when format 2 was today's format.
  const bytes = await buildAnnexOfFormat(2, largeAnnex(), { includeMatrix: true });
  expect(createHash('sha256').update(bytes).digest('hex')).toBe('2b06bb28cb96d8caabe96c465fe7a47281db3b3cfc4101c8cd2cb6641c1cb17a');
});
