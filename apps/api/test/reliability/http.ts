/** A small fetch client for an API running in a child process (crash and outage tests). */
export type Http = {
  call: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T; ms: number }>;
  withToken: (token: string) => Http;
};

export const createHttp = (baseUrl: string, token?: string, timeoutMs = 15_000): Http => ({
  call: async <T>(method: string, path: string, body?: unknown) => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, ms: performance.now() - started };
  },
  withToken: (t) => createHttp(baseUrl, t, timeoutMs),
});

/** Registers a hospital, creates an engagement and gives it cells; returns the owner's client and the cells. */
export const seedOverHttp = async (anon: Http, tag: string) => {
  const reg = await anon.call<{ accessToken: string }>('POST', '/api/v1/auth/register', {
    organization: { name: `障害試験病院 ${tag}`, kind: 'hospital' },
    user: { email: `crash-${tag}@example.test`, displayName: '情報システム課', password: 'correct horse battery' },
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const owner = anon.withToken(reg.body.accessToken);
  const eng = await owner.call<{ engagement: { id: string } }>('POST', '/api/v1/engagements', { title: '障害試験', systemName: '電子カルテ' });
  const eid = eng.body.engagement.id;
  await owner.call('POST', `/api/v1/engagements/${eid}/duties`, { catalogCodes: ['GOV-01', 'CRD-01', 'INC-01', 'VUL-04', 'LOG-04', 'BKP-06'] });
  await owner.call('POST', `/api/v1/engagements/${eid}/assets`, {
    assets: Array.from({ length: 6 }, (_, i) => ({ name: `サーバ ${i + 1}`, category: 'server' })),
  });
  const parties = await owner.call<{ parties: { id: string; role: string }[] }>('GET', `/api/v1/engagements/${eid}/parties`);
  const hospitalPartyId = parties.body.parties.find((p) => p.role === 'hospital')!.id;
  const m = await owner.call<{ cells: { id: string; version: number }[] }>('GET', `/api/v1/engagements/${eid}/cells`);
  return { owner, token: reg.body.accessToken, eid, hospitalPartyId, cells: m.body.cells };
};
