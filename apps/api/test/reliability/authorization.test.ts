import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream } from '../events/sse-client.ts';
import { type Entry, type Req, TABLE, expected } from './authorization-table.ts';
import { type Operation, fillPath, listOperations } from './openapi.ts';
import { report } from './summary.ts';
import { type SignoffStateKind, type SweepWorld, createSweepWorld } from './sweep-world.ts';
import { ROLES, type Role } from './world.ts';

/**
 * Authorization sweep: every route of the OpenAPI document × every role
 * (anonymous, non-party, party member, other party's member, signatory,
 * observer, owner) with a valid request → the expected status. A route
 * missing from the table fails the test, so a new route cannot ship without
 * its access rule. A non-party never gets 200 or 403 on an engagement-scoped
 * route, only 404: it does not learn that the engagement exists.
 */
let w: SweepWorld;
let ops: Operation[];
let base = '';

beforeAll(async () => {
  w = await createSweepWorld();
  ops = await listOperations(w.t.app);
  await w.t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(w.t.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => w.t.close());

const call = async (op: Operation, e: Entry, role: Role, r: Req): Promise<{ status: number; body: string }> => {
  const qs = new URLSearchParams(r.query ?? {}).toString();
  const url = `${fillPath(op.path, r.params ?? {})}${qs ? `?${qs}` : ''}`;
  const headers: Record<string, string> = { ...(role === 'anonymous' ? {} : { authorization: `Bearer ${w.callers[role].session.accessToken}` }), ...r.headers };
  if (e.stream) {
    // A stream that is allowed never ends: read its status over a real socket, then hang up.
    const s = await openStream(base, url, headers);
    s.close();
    return { status: s.status, body: '' };
  }
  const opts: InjectOptions = { method: op.method, url, headers };
  if (r.payload !== undefined) {
    headers['content-type'] = r.contentType ?? 'application/json';
    opts.payload = r.payload;
  } else if (r.body !== undefined) opts.payload = r.body as InjectOptions['payload'];
  else if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') opts.payload = {};
  const res = await w.t.app.inject(opts);
  return { status: res.statusCode, body: res.body };
};

describe('authorization sweep', () => {
  it('has an entry for every route in the OpenAPI document, and none for routes that are gone', () => {
    const keys = new Set(ops.map((o) => o.key));
    expect(ops.filter((o) => !TABLE[o.key]).map((o) => o.key)).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every route × every role answers as the table says, with zero leaks to non-parties', { timeout: 240_000 }, async () => {
    const mismatches: string[] = [];
    let checks = 0;
    const ordered = [...ops.filter((o) => !TABLE[o.key]?.last), ...ops.filter((o) => TABLE[o.key]?.last)];
    for (const op of ordered) {
      const e = TABLE[op.key];
      if (!e) continue;
      for (const role of ROLES) {
        const want = expected(e, role, op.secured);
        const got = await call(op, e, role, (await e.req?.(w, role)) ?? {});
        checks += 1;
        const ok = want === 'allowed' ? got.status < 500 && ![401, 403, 404].includes(got.status) : got.status === want;
        if (!ok) mismatches.push(`${op.key} as ${role}: expected ${want}, got ${got.status} ${got.body.slice(0, 160)}`);
        if (role === 'outsider' && e.scoped && [200, 201, 204, 403].includes(got.status)) mismatches.push(`LEAK ${op.key}: a non-party got ${got.status}`);
      }
    }
    report('authorization', { routes: ordered.length, roles: ROLES.length, checks, mismatches: mismatches.length });
    expect(mismatches).toEqual([]);
  });
});

/**
 * Sign-off writes on revisions that can no longer be signed: an archived
 * engagement's (409 engagement_archived), an executed one (409
 * revision_executed) and a superseded one (409 revision_superseded). The role
 * rules answer first (401, 404 for the non-party, 403); every read stays allowed.
 */
describe('authorization sweep: archived, executed and superseded revisions', () => {
  type Want = number | readonly [number, string];
  const refusal = (role: Role): number => (role === 'anonymous' ? 401 : role === 'outsider' ? 404 : 403);
  const readers = (role: Role): Want => (['vendorMember', 'otherVendor', 'vendor', 'observer', 'owner'].includes(role) ? 200 : refusal(role));
  const SIGN: Record<SignoffStateKind, readonly [number, string]> = {
    archived: [409, 'engagement_archived'],
    executed: [409, 'revision_executed'],
    superseded: [409, 'revision_superseded'],
  };
  const FREEZE: Record<SignoffStateKind, Want> = { archived: [409, 'engagement_archived'], executed: [409, 'no_changes'], superseded: 201 };

  it('answers every sign-off write with the right 403/404/409 and keeps reads allowed', { timeout: 240_000 }, async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const kind of ['archived', 'executed', 'superseded'] as const) {
      const s = await w.signoffState(kind);
      const R = `/api/v1/revisions/${s.revisionId}`;
      const E = `/api/v1/engagements/${s.eid}`;
      // Freeze last: on the superseded engagement the owner's freeze succeeds and makes revision 2.
      const routes: { method: 'GET' | 'POST'; url: string; body?: (role: Role) => unknown; want: (role: Role) => Want }[] = [
        { method: 'GET', url: R, want: readers },
        { method: 'GET', url: `${R}/export.json`, want: readers },
        { method: 'GET', url: `${R}/diff?against=${s.revisionId}`, want: readers },
        { method: 'GET', url: `${R}/annex.docx`, want: readers },
        { method: 'GET', url: `${R}/annex.pdf`, want: readers },
        { method: 'GET', url: `${E}/revisions`, want: readers },
        { method: 'GET', url: `${E}/changes-since-signed?partyId=${s.ehrPartyId}`, want: readers },
        { method: 'GET', url: `${R}/signing-statement?partyId=${s.ehrPartyId}`, want: (role) => (role === 'vendor' ? 200 : refusal(role)) },
        {
          method: 'POST',
          url: `${R}/signatures`,
          body: (role) => ({ partyId: s.ehrPartyId, password: w.callers[role].password }),
          want: (role) => (role === 'vendor' ? SIGN[kind] : refusal(role)),
        },
        { method: 'POST', url: `${E}/revisions`, body: () => ({}), want: (role) => (role === 'owner' ? FREEZE[kind] : refusal(role)) },
      ];
      for (const route of routes) {
        for (const role of ROLES) {
          const headers: Record<string, string> = role === 'anonymous' ? {} : { authorization: `Bearer ${w.callers[role].session.accessToken}` };
          const res = await w.t.app.inject({ method: route.method, url: route.url, headers, ...(route.body ? { payload: route.body(role) as InjectOptions['payload'] } : {}) });
          const want = route.want(role);
          const [status, code] = typeof want === 'number' ? [want, undefined] : want;
          const gotCode = res.statusCode >= 400 ? (JSON.parse(res.body) as { error?: { code?: string } }).error?.code : undefined;
          checks += 1;
          if (res.statusCode !== status || (code !== undefined && gotCode !== code))
            mismatches.push(`${kind}: ${route.method} ${route.url} as ${role}: expected ${status}${code ? ` ${code}` : ''}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    report('authorization-signoff-states', { states: 3, checks, mismatches: mismatches.length });
    expect(checks).toBe(3 * 10 * ROLES.length);
    expect(mismatches).toEqual([]);
  });
});
