import { afterAll, beforeAll, expect } from 'vitest';
import type { TChainVerification, TEngagementSummary } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from './roles.ts';
import { type SseStream, openStream } from './sse-client.ts';

/**
 * What the event-stream suites share: a listening test app with the role
 * world, helpers to open streams and to write events, and clean-up after the
 * file (streams, then extra apps and databases in reverse order, then the test app).
 */
export const useStreamHarness = () => {
  const opened: SseStream[] = [];
  const closers: { close: () => Promise<unknown> }[] = [];
  const sse = {
    t: undefined as unknown as TestApp,
    w: undefined as unknown as TemplateWorld,
    baseUrl: '',
    path: (suffix = '') => `/api/v1/engagements/${sse.w.engagement.id}/events/stream${suffix}`,
    /** Keeps a stream to close after the file. */
    keep: (s: SseStream) => {
      opened.push(s);
      return s;
    },
    /** Closes an extra app or database after the file. */
    closeAfter: <T extends { close: () => Promise<unknown> }>(x: T) => {
      closers.push(x);
      return x;
    },
    open: async (base: string, m: Member, suffix = '', headers: Record<string, string> = {}) =>
      sse.keep(await openStream(base, sse.path(suffix), { authorization: `Bearer ${m.session.accessToken}`, ...headers })),
    /** The sequence number of the engagement's newest event. */
    head: async () => (await sse.w.owner.http.get<TChainVerification>(`/api/v1/engagements/${sse.w.engagement.id}/events/verify`)).body.count,
    /** One owner write = one `engagement.updated` event. */
    touch: async (note: string) => {
      const { body } = await sse.w.owner.http.get<{ engagement: TEngagementSummary }>(`/api/v1/engagements/${sse.w.engagement.id}`);
      const r = await sse.w.owner.http.patch(`/api/v1/engagements/${sse.w.engagement.id}`, { version: body.engagement.version, description: note });
      expect(r.status).toBe(200);
    },
  };
  beforeAll(async () => {
    sse.t = await createTestApp();
    sse.w = await templateWorld(sse.t.app);
    sse.baseUrl = await sse.t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    // Last opened, first closed: an app before the database it runs on.
    for (const c of closers.reverse()) await c.close();
    await sse.t.close();
  });
  return sse;
};
