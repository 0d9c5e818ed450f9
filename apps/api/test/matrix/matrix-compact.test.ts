import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TMatrixCompactResponse, type TMatrixResponse, decodeMatrix } from '@bunkai/domain';
import { buildApp } from '../../src/app.ts';
import { type NegotiationWorld, createNegotiationWorld } from '../negotiation/world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

const raw = (url: string, headers: Record<string, string> = {}) =>
  n.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${n.w.owner.session.accessToken}`, ...headers } });

describe('GET /engagements/:id/cells/compact', () => {
  it('decodes to exactly the plain matrix, filters included', async () => {
    for (const query of ['', '?status=unassigned', `?asset=${n.terminals[0]!.id}`]) {
      const plain = (await raw(`/api/v1/engagements/${n.eid}/cells${query}`)).json<TMatrixResponse>();
      const res = await raw(`/api/v1/engagements/${n.eid}/cells/compact${query}`);
      expect(res.statusCode).toBe(200);
      const compact = res.json<TMatrixCompactResponse>();
      expect(compact.format).toBe('bunkai.matrix.compact/1');
      expect(decodeMatrix(compact)).toEqual(plain);
      // The cells are where the bytes go (parties, assets and duties are sent once in both shapes).
      const cellBytes = (body: object) => JSON.stringify(body).length - JSON.stringify({ ...plain, cells: [] }).length;
      if (query === '') expect(cellBytes(compact)).toBeLessThan(cellBytes(plain) / 3);
    }
  });

  it('answers 404 to a non-party and 400 to an unknown filter, as the plain route does', async () => {
    const outsider = await n.t.app.inject({
      method: 'GET',
      url: `/api/v1/engagements/${n.eid}/cells/compact`,
      headers: { authorization: `Bearer ${n.callers.outsider.session.accessToken}` },
    });
    expect(outsider.statusCode).toBe(404);
    const bad = await raw(`/api/v1/engagements/${n.eid}/cells/compact?colour=red`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('the matrix kept between reads (matrix-cache.ts)', () => {
  it('a write through another API instance on the same database is seen by the next read, in every coding', async () => {
    // A second instance of the API: the cache is per process, PostgreSQL is the truth for both.
    const other = await buildApp({ database: n.t.database, config: n.t.config });
    try {
      const url = `/api/v1/engagements/${n.eid}/cells/compact`;
      const read = async (coding: string) => {
        const res = await other.inject({ method: 'GET', url, headers: { authorization: `Bearer ${n.w.owner.session.accessToken}`, 'accept-encoding': coding } });
        expect(res.statusCode).toBe(200);
        const text = coding === 'br' ? brotliDecompressSync(res.rawPayload).toString() : coding === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body;
        return decodeMatrix(JSON.parse(text) as TMatrixCompactResponse);
      };
      const cell = await n.freshCell();
      for (const coding of ['br', 'gzip', 'identity']) expect((await read(coding)).cells.find((c) => c.id === cell.id)!.status).toBe('unassigned');
      // The hospital takes the cell alone: agreed at once.
      await n.f.propose(n.w.owner, cell, { assignment: { [n.w.hospitalPartyId]: ['R', 'A'] } });
      for (const coding of ['br', 'gzip', 'identity']) {
        const m = await read(coding);
        expect(m.cells.find((c) => c.id === cell.id)!.status).toBe('agreed');
        expect(m).toEqual((await raw(`/api/v1/engagements/${n.eid}/cells`)).json<TMatrixResponse>());
      }
      // The cell detail and the progress figures read the same kept matrix.
      const detail = await other.inject({ method: 'GET', url: `/api/v1/cells/${cell.id}`, headers: { authorization: `Bearer ${n.w.owner.session.accessToken}` } });
      expect(detail.json<{ cell: { status: string } }>().cell.status).toBe('agreed');
    } finally {
      await other.close();
    }
  });
});

describe('response compression', () => {
  it('compresses with brotli or gzip as the client accepts, and the body decodes to the same matrix', async () => {
    const url = `/api/v1/engagements/${n.eid}/cells/compact`;
    const identity = await raw(url);
    const br = await raw(url, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(identity.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(identity.body);
    const gz = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(identity.body);
  });

  it('refuses compressed request bodies (no decompression bomb through a JSON body)', async () => {
    const res = await n.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    });
    expect(res.statusCode).toBe(415);
  });
});
