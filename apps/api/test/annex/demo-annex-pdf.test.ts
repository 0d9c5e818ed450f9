import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bibliography, getDuty } from '@bunkai/catalog';
import { catalogItemNumbers, type TDuty, type TRevisionView, type TVerifyResponse } from '@bunkai/domain';
import { DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { createDemoSignoff } from '../../src/seed/demo-signoff.ts';
import { createFactories, type Member } from '../../src/seed/factories.ts';
import { documentText, part, unzipDocx } from '../../../../packages/docx/src/fixtures/read-docx.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * The signed demo annex as a PDF carries what its .docx carries (issue 12): the 主契約 block, 確認表項番,
 * 版の効力 and 参考文献 — read back with poppler's pdftotext, whitespace squashed (cells wrap).
 */
const dir = mkdtempSync(join(tmpdir(), 'bunkai-demo-pdf-'));
const squash = (s: string) => s.replace(/\s+/g, '');
const CONTRACT = { title: 'デモ総合病院 電子カルテシステム導入・保守契約', number: 'DEMO-2026-001', date: '2026-10-01' };

let t: TestApp;
let hospital: Member;
let revision: TRevisionView;
let duties: TDuty[];
let pdf: Buffer;
let pdfText = '';
let pdfLayout = '';
let docxText = '';
let organizations: { hospital: string; ehr: string };

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: join(dir, 'pglite') });
  const eid = (await seedDemoIfEmpty(t.app, t.database, t.config))!.engagementId;
  hospital = await createFactories(t.app).login(DEMO_USERS.hospital.email, 'bunkai-demo');
  const demo = createDemoSignoff(t.app);
  const { members, parties } = await demo.resolveDemo(eid);
  // The owner records the main contract before freezing: 甲 the hospital, 乙 the EHR vendor; the annex prevails.
  const current = (await hospital.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${eid}`)).body.engagement;
  const patched = await hospital.http.patch(`/api/v1/engagements/${eid}`, {
    version: current.version,
    contract: { ...CONTRACT, designations: { [parties.hospital.id]: '甲', [parties.ehr_vendor.id]: '乙' }, prevails: 'annex', japaneseEraDates: false },
  });
  expect(patched.status).toBe(200);
  organizations = { hospital: DEMO_USERS.hospital.org, ehr: DEMO_USERS.ehr.org };
  revision = (await demo.freezeAndSignDemo(eid, members, parties)).revision;
  duties = (await hospital.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${eid}/duties`)).body.duties;

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${hospital.session.accessToken}` } });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  pdf = await get(`/api/v1/revisions/${revision.id}/annex.pdf`);
  const file = join(dir, 'demo.pdf');
  writeFileSync(file, pdf);
  pdfText = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  pdfLayout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  docxText = squash(documentText(part(unzipDocx(await get(`/api/v1/revisions/${revision.id}/annex.docx`)), 'word/document.xml')));
}, 300_000);
afterAll(() => t?.close());

describe('the signed demo annex as a PDF', () => {
  it('prints the 主契約 block: 契約名, 契約番号, 契約日, 甲/乙 and that the annex prevails, as the .docx does', () => {
    for (const text of [pdfText, docxText]) {
      expect(text).toContain(squash(CONTRACT.title));
      expect(text).toContain(CONTRACT.number);
      expect(text).toContain('2026年10月1日');
      expect(text).toContain(squash(`甲：${organizations.hospital}（医療機関）`));
      expect(text).toContain(squash(`乙：${organizations.ehr}`));
      expect(text).toContain('責任分界に関する事項について本別紙の定めが優先する');
    }
  });

  it('numbers duties by 項番 as the web does (P1-001), each official 確認表項番 the .docx prints in the row of its duty', () => {
    const numbers = catalogItemNumbers(duties);
    const official = duties.flatMap((d) => {
      const item = d.kakuninhyoItem ?? (d.catalogVersion === null ? undefined : getDuty(d.code)?.kakuninhyoItem);
      return item ? [{ no: numbers.get(d.code)!, item }] : [];
    });
    expect(official.length).toBeGreaterThan(0);
    expect(pdfLayout).toMatch(/確認表\s+対象/);
    // The citations name the same sections: the row (-layout: 項番, then 確認表項番) is what shows the column.
    for (const { no, item } of official) {
      expect(no).toMatch(/^P[12]-\d{3}$/);
      expect(docxText).toContain(squash(item));
      expect(pdfLayout).toMatch(new RegExp(`^\\s*${no}\\s+${item.replace(/\s+/g, '\\s+')}\\s`, 'm'));
    }
    // Every duty is printed under its 項番, none under its code.
    for (const d of duties) {
      expect(pdfLayout).toMatch(new RegExp(`^\\s*${numbers.get(d.code)!}\\s`, 'm'));
      expect(pdfLayout).not.toMatch(new RegExp(`^\\s*${d.code}\\s`, 'm'));
    }
  });

  it('prints the revision’s standing (版の効力): executed and current', () => {
    expect(revision.status).toBe('executed');
    expect(pdfText).toContain('締結済・現に有効');
  });

  it('lists 参考文献 with readable citations, never the catalog’s internal ids', () => {
    const entries = bibliography(duties.flatMap((d) => d.references));
    expect(entries.length).toBeGreaterThan(0);
    expect(pdfText).toContain('参考文献');
    for (const [i, b] of entries.entries()) {
      expect(pdfText).toContain(squash(`[${i + 1}]${b.shortTitle}：${b.entry}`));
      expect(docxText).toContain(squash(`[${i + 1}] ${b.shortTitle}：${b.entry}`));
    }
    expect(pdfText).not.toContain('mhlw-gl6-ops');
  });

  it('verifies exactly, recording its format', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: pdf, headers: { authorization: `Bearer ${hospital.session.accessToken}`, 'content-type': 'application/pdf' } });
    expect(res.json<TVerifyResponse>()).toMatchObject({ match: true, verdict: 'exact', pdf: { content: 'identical', format: 'bunkai-annex-pdf/3', sealCertificate: { current: true } } });
  }, 60_000);
});
