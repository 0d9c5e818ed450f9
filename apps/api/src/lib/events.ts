import { type Db, type EventRow, appendEvents } from '@bunkai/db';
import type { EngagementAccess } from '../access/engagement-access.ts';

export type EventSpec = { type: string; subjectId?: string | null; payload?: Record<string, unknown> };

/**
 * Appends the events of one mutation, attributed to the caller and its party,
 * inside the mutation's own transaction (so an event exists iff the change does).
 */
export const recordEvents = (tx: Db, access: Pick<EngagementAccess, 'actor' | 'party'> & { engagement: { id: string } }, specs: readonly EventSpec[]): Promise<EventRow[]> =>
  appendEvents(
    tx,
    specs.map((s) => ({
      engagementId: access.engagement.id,
      type: s.type,
      actorUserId: access.actor.userId,
      actorPartyId: access.party?.id ?? null,
      subjectId: s.subjectId ?? null,
      payload: s.payload ?? {},
    })),
  );

export const recordEvent = async (tx: Db, access: Parameters<typeof recordEvents>[1], spec: EventSpec): Promise<EventRow> => {
  const [row] = await recordEvents(tx, access, [spec]);
  return row!;
};
