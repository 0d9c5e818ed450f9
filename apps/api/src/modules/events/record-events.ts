import { type Db, type EventInput, type EventRow, appendEvents } from '@bunkai/db';
import type { EngagementAccess } from '../../access/engagement-access.ts';

export type EventSpec = { type: string; subjectId?: string | null; payload?: Record<string, unknown> };

type Attribution = Pick<EngagementAccess, 'actor' | 'party'> & { engagement: { id: string } };

/** The events of one mutation, attributed to the caller and its party. */
export const eventInputs = (access: Attribution, specs: readonly EventSpec[]): EventInput[] =>
  specs.map((s) => ({
    engagementId: access.engagement.id,
    type: s.type,
    actorUserId: access.actor.userId,
    actorPartyId: access.party?.id ?? null,
    subjectId: s.subjectId ?? null,
    payload: s.payload ?? {},
  }));

/** Appends the events of one mutation inside the mutation's own transaction (so an event exists iff the change does). */
export const recordEvents = (tx: Db, access: Attribution, specs: readonly EventSpec[]): Promise<EventRow[]> => appendEvents(tx, eventInputs(access, specs));

export const recordEvent = async (tx: Db, access: Attribution, spec: EventSpec): Promise<EventRow> => {
  const [row] = await recordEvents(tx, access, [spec]);
  return row!;
};
