import { describe, expect, it } from 'vitest';
import { buildAnnex } from './build-annex.ts';
import { draftAnnex, executedAnnex, smallAnnex } from './fixtures/small-annex.ts';
import { unzipDocx } from './fixtures/read-docx.ts';

describe('buildAnnex: determinism', () => {
  it.each([
    ['frozen', smallAnnex],
    ['draft (watermark shapes)', draftAnnex],
    ['executed', executedAnnex],
  ])('%s: building twice gives identical bytes', async (_name, make) => {
    const a = await buildAnnex(make());
    const b = await buildAnnex(make());
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('does not depend on the machine time zone', async () => {
    const a = await buildAnnex(smallAnnex());
    // eslint-disable-next-line no-restricted-properties -- the test changes the zone the zip timestamps are written in
    const env = process.env;
    const before = env.TZ;
    env.TZ = 'America/Los_Angeles';
    try {
      const b = await buildAnnex(smallAnnex());
      expect(Buffer.compare(a, b)).toBe(0);
    } finally {
      if (before === undefined) delete env.TZ;
      else env.TZ = before;
    }
  });

  it('writes no random or current-time values into the package', async () => {
    const files = unzipDocx(await buildAnnex(draftAnnex()));
    const all = Object.values(files).join('\n');
    const thisYear = String(new Date().getUTCFullYear());
    expect(files['docProps/core.xml']).not.toContain(`${thisYear}-`);
    expect(all).toMatch(/PowerPlusWaterMarkObject1"/);
    expect(all).not.toMatch(/PowerPlusWaterMarkObject[a-z]/);
  });

  it('changes when the input changes', async () => {
    const a = await buildAnnex(smallAnnex());
    const other = smallAnnex();
    const b = await buildAnnex({ ...other, engagement: { ...other.engagement, title: '別の案件' } });
    expect(Buffer.compare(a, b)).not.toBe(0);
  });
});
