import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { type Db, mailOutbox, notifications } from '@bunkai/db';
import type { TEngagement, TMatrixCell } from '@bunkai/domain';
import { expectStatus } from '../../src/seed/http-client.ts';
import { createWorld } from '../../src/seed/world.ts';

/**
 * A proposal by the hospital that waits for the EHR vendor's consent, in an engagement
 * reminding after 5 days, then every 2, at most 2 times; and what was filed and mailed for the vendor.
 */
export const reminderWorld = async (app: FastifyInstance, db: Db) => {
  const w = await createWorld(app, { roles: ['owner', 'vendor', 'otherVendor'] });
  await w.f.addDuties(w.owner, w.eid, ['GOV-01']);
  const eng = expectStatus(await w.owner.http.get<{ engagement: TEngagement }>(`/api/v1/engagements/${w.eid}`), 200, 'engagement').engagement;
  const patched = await w.owner.http.patch<{ engagement: TEngagement }>(`/api/v1/engagements/${w.eid}`, {
    version: eng.version,
    reminders: { firstAfterDays: 5, everyDays: 2, maxCount: 2 },
  });
  expectStatus(patched, 200, 'reminder settings');
  const cell = (await w.f.matrix(w.owner, w.eid)).cells[0] as TMatrixCell;
  const p = await w.f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendorPartyId!]: ['R'], [w.otherVendorPartyId!]: ['C'] } });
  const remindersOf = async (userId: string) =>
    (await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'reminder')))).map((n) => n.sourceKey).sort();
  const kindsOf = async (userId: string) => (await db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();
  const digestsTo = async (email: string) => (await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'digest')))).length;
  return { ...w, cell, proposalId: p.proposal.id, settings: patched.body.engagement.reminders, remindersOf, kindsOf, digestsTo };
};
