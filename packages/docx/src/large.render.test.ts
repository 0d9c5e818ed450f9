import { expect, it } from 'vitest';
import { buildAnnex } from './build-annex.ts';
import { buildModel } from './annex-model.ts';
import { largeAnnex } from './fixtures/large-annex.ts';
import { readAnnexProperties } from './properties.ts';

it('builds the reference engagement (8 parties, 60 assets, 150 duties, ~3,600 cells)', { timeout: 120_000 }, async () => {
  const input = largeAnnex();
  expect(input.cells.length).toBeGreaterThan(3_500);
  const model = buildModel(input);
  const itemRows = model.parts.flatMap((p) => p.groups).reduce((n, g) => n + g.rows.length, 0);
  expect(itemRows).toBe(input.cells.length);
  expect(model.matrix.reduce((n, b) => n + b.rows.length, 0)).toBe(input.cells.length);
  const buffer = await buildAnnex(input);
  expect(await readAnnexProperties(buffer)).toMatchObject({ revisionNumber: 2 });
});
