import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMatrixCell } from '@bunkai/domain';
import { type World, createWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * NUL and lone surrogates in any string of any request answer 400 invalid_text (they used to
 * reach PostgreSQL, which refuses NUL, and come back as 500). Each case also sends the same
 * request with clean text, so the 400 is about the text and not about an otherwise bad request.
 */
let t: TestApp;
let w: World<'owner' | 'vendor'>;
let cell: TMatrixCell;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.app, { roles: ['owner', 'vendor'], engagement: { templateCode: 'onprem-ehr-vpn' } });
  const m = await w.f.matrix(w.owner, w.eid);
  cell = m.cells[0]!;
});
afterAll(() => t.close());

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';
const expectInvalidText = (res: { status: number; body: unknown }) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ error: { code: 'invalid_text' } });
};

describe('unclean text is refused with 400 invalid_text', () => {
  it('in register (unauthenticated), in a value or a key', async () => {
    const body = (displayName: string, org = 'Clean Org') => ({ organization: { name: org, kind: 'vendor' }, user: { email: `h-${displayName.length}-${org.length}@example.test`, displayName, password: 'correct horse battery' } });
    expectInvalidText(await w.f.anonymous.post('/api/v1/auth/register', body(NUL)));
    expectInvalidText(await w.f.anonymous.post('/api/v1/auth/register', body('ok', LONE)));
    expectInvalidText(await w.f.anonymous.post('/api/v1/auth/register', { ...body('ok'), ['x\u0000']: 1 }));
    expect((await w.f.anonymous.post('/api/v1/auth/register', body('clean name'))).status).toBe(201);
  });

  it('in an engagement title and description', async () => {
    const create = (title: string, description = '') => w.owner.http.post('/api/v1/engagements', { title, systemName: '電子カルテ', description });
    expectInvalidText(await create(NUL));
    expectInvalidText(await create('ok', LONE));
    expect((await create('clean title', 'clean')).status).toBe(201);
  });

  it('in a comment', async () => {
    expectInvalidText(await w.owner.http.post(`/api/v1/cells/${cell.id}/comments`, { body: NUL }));
    expectInvalidText(await w.owner.http.post(`/api/v1/cells/${cell.id}/comments`, { body: LONE }));
    expect((await w.owner.http.post(`/api/v1/cells/${cell.id}/comments`, { body: 'clean' })).status).toBe(201);
  });

  it('in an asset name', async () => {
    const add = (name: string) => w.owner.http.post(`/api/v1/engagements/${w.eid}/assets`, { assets: [{ name, category: 'server' }] });
    expectInvalidText(await add(NUL));
    expectInvalidText(await add(LONE));
    expect((await add('clean asset')).status).toBe(201);
  });

  it('in remarks (proposal terms)', async () => {
    const propose = (remarks: string) =>
      w.owner.http.post(`/api/v1/cells/${cell.id}/proposals`, { assignment: { [w.hospitalPartyId]: ['A', 'R'] }, terms: { remarks }, version: cell.version });
    expectInvalidText(await propose(NUL));
    expectInvalidText(await propose(LONE));
    expect((await propose('clean remarks')).status).toBe(201);
  });

  it('in contacts', async () => {
    const party = w.parties.find((p) => p.id === w.hospitalPartyId)!;
    const update = (name: string) => w.owner.http.patch(`/api/v1/parties/${party.id}`, { version: party.version, normalContacts: [{ name, phone: '03-0000-0000' }] });
    expectInvalidText(await update(NUL));
    expectInvalidText(await update(LONE));
    expect((await update('clean contact')).status).toBe(200);
  });

  it('in the query string and path parameters', async () => {
    expectInvalidText(await w.owner.http.get(`/api/v1/engagements/${w.eid}/cells?status=%00`));
    expectInvalidText(await w.owner.http.get(`/api/v1/engagements/a%00b`));
  });
});
