import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnexProperties } from '@bunkai/docx';
import type { TRevisionView } from '@bunkai/domain';
import { DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { createDemoSignoff } from '../../src/seed/demo-signoff.ts';
import { createFactories } from '../../src/seed/factories.ts';
import { documentText, part, unzipDocx } from '../../../../packages/docx/src/fixtures/read-docx.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const INSTALL = 'apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils';

/** Fails (never skips) when a tool is missing: CI installs them, and a silent skip would hide a broken annex. */
const requireTool = async (cmd: string, args: string[]) => {
  try {
    await run(cmd, args, { timeout: 60_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`'${cmd}' is not installed; the demo annex rendering test needs it: ${INSTALL}`, { cause: error });
    throw error;
  }
};

/** pdftotext wraps table cells; comparing without whitespace finds a title whichever way its cell wrapped. */
const squash = (s: string) => s.replace(/\s+/g, '');

let t: TestApp;
let dir = '';
let revision: TRevisionView;
let draftText = '';
let pdfText = '';
let fonts = '';

beforeAll(async () => {
  await requireTool('soffice', ['--version']);
  await requireTool('pdftotext', ['-v']);
  t = await createTestApp();
  const seeded = await seedDemoIfEmpty(t.app, t.database, t.config);
  const eid = seeded!.engagementId;
  const hospital = await createFactories(t.app).login(DEMO_USERS.hospital.email, 'bunkai-demo');
  const auth = { authorization: `Bearer ${hospital.session.accessToken}` };
  // Before anyone settles anything, the draft lists the blocking gaps.
  const draft = await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${eid}/annex.docx`, headers: auth });
  expect(draft.statusCode).toBe(200);
  draftText = documentText(part(unzipDocx(draft.rawPayload), 'word/document.xml'));

  const demo = createDemoSignoff(t.app);
  const { members, parties } = await demo.resolveDemo(eid);
  revision = (await demo.freezeAndSignDemo(eid, members, parties)).revision;

  const annex = await t.app.inject({ method: 'GET', url: `/api/v1/revisions/${revision.id}/annex.docx`, headers: auth });
  expect(annex.statusCode).toBe(200);
  expect((await readAnnexProperties(annex.rawPayload)).revisionSha256).toBe(revision.sha256);

  dir = await mkdtemp(join(tmpdir(), 'bunkai-demo-annex-'));
  const docx = join(dir, 'annex.docx');
  await writeFile(docx, annex.rawPayload);
  // A LibreOffice profile of its own, so parallel runs (and a user's LibreOffice) never share a lock.
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 170_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = join(dir, 'annex.pdf');
  await run('pdftotext', [pdf, join(dir, 'annex.txt')]);
  pdfText = await readFile(join(dir, 'annex.txt'), 'utf8');
  fonts = (await run('pdffonts', [pdf])).stdout;
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await t?.close();
});

describe('the signed demo annex, rendered by LibreOffice', () => {
  it('the draft before settlement lists the blocking gaps (VPN patching, emergency contact)', () => {
    expect(draftText).toContain('草案 DRAFT');
    expect(draftText).toContain('remote_access_duties_missing');
    expect(draftText).toContain('emergency_contact_missing');
    expect(draftText).toContain('要対応');
  });

  it('was executed: every party signed the frozen revision', () => {
    expect(revision.status).toBe('executed');
    expect(revision.signatures.map((s) => s.signerName).sort()).toEqual(Object.values(DEMO_USERS).map((u) => u.name).sort());
  });

  it('shows party and organization names, Japanese duty titles, role labels, signers and the revision hash', () => {
    const text = squash(pdfText);
    for (const name of ['デモ総合病院', '電子カルテベンダー', 'ネットワーク事業者', 'リモート保守回線事業者', ...Object.values(DEMO_USERS).map((u) => u.org)])
      expect(text).toContain(squash(name));
    for (const title of ['VPN装置のファームウェア更新・脆弱性修正', 'サーバ・OSのセキュリティパッチ適用', 'バックアップからの復元', '所管官庁・警察等の外部機関への報告'])
      expect(text).toContain(title);
    for (const label of ['実施', '責任', '協議', '報告']) expect(text).toContain(label);
    for (const u of Object.values(DEMO_USERS)) expect(text).toContain(squash(u.name));
    expect(text).toContain('署名済');
    expect(text).toContain('リモート保守センター（当番）');
    expect(pdfText).toContain(revision.sha256!);
    expect(text).toContain(`SHA-256${revision.sha256!.slice(0, 12)}`);
  });

  it('embeds a CJK font for the Japanese text (no missing-glyph boxes)', () => {
    expect(fonts).toMatch(/CJK/i);
    expect(pdfText).not.toContain('\u25a1');
  });
});
