import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAnnex } from '../build-annex.ts';
import { replaceInDocument } from '../fixtures/edit-docx.ts';
import { executedAnnex } from '../fixtures/small-annex.ts';
import { verifyAnnexContent } from './verify-annex.ts';

const input = () => ({ ...executedAnnex(), verifyUrl: 'https://bunkai.example.jp/verify' });

const edit = replaceInDocument;

describe('verifyAnnexContent (内容の検証)', () => {
  it('the bytes the builder produces are exact', async () => {
    const file = await buildAnnex(input());
    expect(await verifyAnnexContent(file, input())).toMatchObject({ verdict: 'exact', format: 3 });
  });

  it('re-zipped with other compression and split runs: same_content', async () => {
    const file = await buildAnnex(input());
    const files = unzipSync(file);
    const xml = strFromU8(files['word/document.xml']!).replace('<w:t xml:space="preserve">月1回の確認</w:t>', '<w:t xml:space="preserve">月1回の</w:t></w:r><w:r><w:t>確認</w:t>');
    files['word/document.xml'] = strToU8(xml);
    const resaved = Buffer.from(zipSync(files, { level: 1 }));
    expect(await verifyAnnexContent(resaved, input())).toMatchObject({ verdict: 'same_content' });
  });

  it('one edited cell (72時間以内 → 720日以内) is content_differs naming the item and column', async () => {
    const file = edit(await buildAnnex(input()), '72時間以内', '720日以内');
    const got = await verifyAnnexContent(file, input());
    expect(got.verdict).toBe('content_differs');
    expect(got.differences[0]).toMatchObject({ column: expect.stringContaining('備考'), expected: expect.stringContaining('72時間以内'), found: expect.stringContaining('720日以内') });
    expect(got.differences[0]!.section).toContain('責任分担表');
    // Format 3 names the item by the 項番 the web and the exports show (P2-VUL-01 is the first duty of Part2).
    expect(got.differences[0]!.item).toBe('P2-001');
  });

  it('an annex built by format 1 (committed before format 2 existed) still verifies exactly, and its edits are found', async () => {
    const old = readFileSync(new URL('../fixtures/annex-format1-executed.docx', import.meta.url));
    expect(await verifyAnnexContent(old, input())).toMatchObject({ verdict: 'exact', format: 1 });
    const edited = await verifyAnnexContent(edit(old, '72時間以内', '720日以内'), input());
    expect(edited).toMatchObject({ verdict: 'content_differs', format: 1 });
    expect(edited.differences[0]).toMatchObject({ found: expect.stringContaining('720日以内') });
  });

  it('annexes built by format 2 (committed before format 3 existed) still verify exactly, with and without the matrix', async () => {
    const plain = readFileSync(new URL('../fixtures/annex-format2-executed.docx', import.meta.url));
    expect(await verifyAnnexContent(plain, input())).toMatchObject({ verdict: 'exact', format: 2 });
    const withMatrix = readFileSync(new URL('../fixtures/annex-format2-executed-matrix.docx', import.meta.url));
    expect(await verifyAnnexContent(withMatrix, input())).toMatchObject({ verdict: 'exact', format: 2 });
    const edited = await verifyAnnexContent(edit(plain, '72時間以内', '720日以内'), input());
    expect(edited).toMatchObject({ verdict: 'content_differs', format: 2 });
    expect(edited.differences[0]).toMatchObject({ found: expect.stringContaining('720日以内') });
  });

  it('anything else is not_an_annex, never an exception', async () => {
    expect(await verifyAnnexContent(Buffer.from('hello'), input())).toMatchObject({ verdict: 'not_an_annex' });
    const broken = edit(await buildAnnex(input()), '</w:body>', '<w:p>&#99999999;</w:p></w:body>');
    expect(await verifyAnnexContent(broken, input())).toMatchObject({ verdict: 'not_an_annex' });
  });
});
