import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { buildAnnex } from './build-annex.ts';
import { annexFileName } from './file-name.ts';
import { annexStatus } from './annex-model.ts';
import { draftAnnex, executedAnnex, IDS, SMALL_SHA256, smallAnnex } from './fixtures/small-annex.ts';
import { readAnnexProperties } from './properties.ts';

describe('readAnnexProperties', () => {
  it('reads back the hash, engagement id and revision number', async () => {
    const props = await readAnnexProperties(await buildAnnex(smallAnnex()));
    expect(props).toEqual({ revisionSha256: SMALL_SHA256, engagementId: IDS.engagement, revisionNumber: 2, annexFormat: 3 });
  });

  it('a draft carries only the engagement id', async () => {
    expect(await readAnnexProperties(await buildAnnex(draftAnnex()))).toEqual({ engagementId: IDS.engagement, annexFormat: 3 });
  });

  it('anything else yields an empty object', async () => {
    expect(await readAnnexProperties(new Uint8Array([1, 2, 3]))).toEqual({});
    expect(await readAnnexProperties(zipSync({ 'word/document.xml': strToU8('<x/>') }))).toEqual({});
  });

  it('ignores a malformed hash', async () => {
    const custom =
      '<Properties><property fmtid="{x}" pid="2" name="bunkaiRevisionSha256"><vt:lpwstr>not-a-hash</vt:lpwstr></property>' +
      '<property fmtid="{x}" pid="3" name="bunkaiRevisionNumber"><vt:lpwstr>0</vt:lpwstr></property></Properties>';
    expect(await readAnnexProperties(zipSync({ 'docProps/custom.xml': strToU8(custom) }))).toEqual({});
  });
});

describe('annexFileName and annexStatus', () => {
  it('names revisions and drafts', () => {
    expect(annexFileName(smallAnnex())).toBe('bunkai-annex-0e5f7a10-r2.docx');
    expect(annexFileName(draftAnnex())).toBe('bunkai-annex-0e5f7a10-draft.docx');
  });

  it('is executed only when every signing party signed the revision hash', () => {
    expect(annexStatus(smallAnnex())).toBe('awaiting_signatures');
    expect(annexStatus(executedAnnex())).toBe('executed');
    expect(annexStatus(draftAnnex())).toBe('draft');
    const exec = executedAnnex();
    const wrongHash = exec.signatures.map((s, i) => (i === 0 ? { ...s, revisionSha256: 'f'.repeat(64) } : s));
    expect(annexStatus({ ...exec, signatures: wrongHash })).toBe('awaiting_signatures');
  });
});
