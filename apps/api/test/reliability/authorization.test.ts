import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream } from '../events/sse-client.ts';
import { type Entry, type Req, TABLE, expected } from './authorization-table.ts';
import { type Operation, fillPath, listOperations } from './openapi.ts';
import { report } from './summary.ts';
import { type SweepWorld, createSweepWorld } from './sweep-world.ts';
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
  const headers: Record<string, string> = role === 'anonymous' ? {} : { authorization: `Bearer ${w.callers[role].session.accessToken}` };
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
        if (role === 'nonParty' && e.scoped && [200, 201, 204, 403].includes(got.status)) mismatches.push(`LEAK ${op.key}: a non-party got ${got.status}`);
      }
    }
    report('authorization', { routes: ordered.length, roles: ROLES.length, checks, mismatches: mismatches.length });
    expect(mismatches).toEqual([]);
  });
});
