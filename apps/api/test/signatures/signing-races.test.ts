import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const LOGIN_MAX_ATTEMPTS = 5;
const clock = manualClock('2026-12-03T09:00:05Z');
let t: TestApp;
let f: ReturnType<typeof createSignoffFactories>;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: String(LOGIN_MAX_ATTEMPTS) }, { clock });
  f = createSignoffFactories(t.app, clock);
});
afterAll(() => t.close());

describe('password re-entry at signing under parallel attempts', () => {
  it('checks at most LOGIN_MAX_ATTEMPTS parallel wrong passwords; the rest get 429, and nothing is signed', async () => {
    const w = await f.signoffWorld();
    const revision = await f.freeze(w.owner, w.eid);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => w.vendor.http.post(`/api/v1/revisions/${revision.id}/signatures`, { partyId: w.vendorPartyId, password: 'not my password' })),
    );
    const counts = attempts.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    expect(Object.keys(counts).sort()).toEqual(['401', '429']);
    expect(counts[401]).toBeLessThanOrEqual(LOGIN_MAX_ATTEMPTS);
    // Within the window even the right password waits: the limit is per signer, not per request.
    const right = () => ({ partyId: w.vendorPartyId, password: w.vendor.password, totp: w.devices!.vendor.next() });
    expect((await w.vendor.http.post(`/api/v1/revisions/${revision.id}/signatures`, right())).status).toBe(429);
    clock.advance(t.config.loginWindowSeconds * 1000 + 1000);
    expect((await w.vendor.http.post(`/api/v1/revisions/${revision.id}/signatures`, right())).status).toBe(201);
  });

  it('counts wrong passwords sent one after another the same way', async () => {
    const w = await f.signoffWorld();
    const revision = await f.freeze(w.owner, w.eid);
    const wrong = () => w.owner.http.post(`/api/v1/revisions/${revision.id}/signatures`, { partyId: w.hospitalPartyId, password: 'wrong' });
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(429);
  });
});
