import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRevisionView } from '@bunkai/domain';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { customXml, zipOf } from './docx-fixture.ts';

/**
 * 安全なアップロード: the attack files found by fuzzing the verify path (issue 12) are refused with a 4xx, and the
 * API keeps answering meanwhile — the work they cause is bounded (streaming inflate with a cap, a linear XML
 * parser) and the heavy part runs in the annex worker pool, off the event loop.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HEALTH_BUDGET_MS = 100;

let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;
let r1: TRevisionView;

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
  w = await f.signoffWorld();
  r1 = await f.freeze(w.owner, w.eid);
});
afterAll(() => t.close());

/**
 * Posts the file and, until the answer arrives, asks /api/health/live again and again; returns the verify answer
 * and the slowest health answer. A verify that blocked the event loop would make that health answer wait as long.
 */
const verifyWhileProbing = async (file: Buffer) => {
  let done = false;
  const verifying = t.app
    .inject({ method: 'POST', url: '/api/v1/verify', payload: file, headers: { authorization: `Bearer ${w.owner.session.accessToken}`, 'content-type': DOCX } })
    .finally(() => {
      done = true;
    });
  const latencies: number[] = [];
  do {
    const started = performance.now();
    const health = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    latencies.push(performance.now() - started);
    expect(health.statusCode).toBe(200);
    // A pause between probes leaves the loop to the verification (back-to-back injects would starve it).
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (!done);
  const res = await verifying;
  return { status: res.statusCode, body: res.json<{ error: { code: string; message: string } }>(), slowestHealthMs: Math.max(...latencies) };
};

const identity = () => ({ bunkaiRevisionSha256: r1.sha256!, bunkaiEngagementId: w.eid, bunkaiRevisionNumber: '1', bunkaiAnnexFormat: '2' });
const DOCUMENT = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';

describe('POST /api/v1/verify on hostile uploads', () => {
  it('`<property ` × 20,000 in docProps/custom.xml (the regex that backtracked for 10 s) is a 400, at once', async () => {
    const xml = `<?xml version="1.0"?><Properties>${'<property '.repeat(20_000)}</Properties>`;
    const file = zipOf([
      { name: 'word/document.xml', data: Buffer.from(DOCUMENT) },
      { name: 'docProps/custom.xml', data: Buffer.from(xml), deflate: true },
    ]);
    expect(file.length).toBeLessThan(2_000);
    const res = await verifyWhileProbing(file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_upload');
    expect(res.slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('a character reference outside Unicode (`&#99999999;`) in a property is a 400, not a 500', async () => {
    const xml = customXml({ ...identity(), bunkaiEngagementId: '&#99999999;' });
    const res = await verifyWhileProbing(zipOf([{ name: 'word/document.xml', data: Buffer.from(DOCUMENT) }, { name: 'docProps/custom.xml', data: Buffer.from(xml) }]));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_upload');
    expect(res.slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('a zip bomb in docProps/custom.xml that lies about its size (64 MiB declared as 200 bytes) is a 400', async () => {
    const file = zipOf([
      { name: 'word/document.xml', data: Buffer.from(DOCUMENT) },
      { name: 'docProps/custom.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), deflate: true, declaredSize: 200 },
    ]);
    expect(file.length).toBeLessThan(200_000);
    const res = await verifyWhileProbing(file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('upload_too_large');
    expect(res.slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('a zip bomb in word/document.xml behind a real revision identity (inflated in the worker) is a 400, not a 500', async () => {
    const file = zipOf([
      { name: 'docProps/custom.xml', data: Buffer.from(customXml(identity())) },
      { name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), deflate: true, declaredSize: 4_096 },
    ]);
    const res = await verifyWhileProbing(file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('upload_too_large');
    expect(res.slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });
});
