/**
 * 通知: which parties hear of an event, decided without I/O. A party is told when it must
 * act (`informational: false`); parties that are only consulted or informed (C/I), or that
 * merely learn of an outcome, get `informational: true` — sent only to users who opted in.
 * Parties not named by the cell or the event hear nothing. The actor's own party is never told.
 */
import type { TAssignment } from '../model/cell.ts';
import type { TPartyRole } from '../model/enums.ts';
import { consentingProposer, requiredAcceptors } from '../rules/acceptance.ts';
import { mentions } from '../inbox/inbox.ts';

export const NOTIFIED_EVENT_TYPES = [
  'proposal.created',
  'proposal.countered',
  'proposal.accepted',
  'proposal.rejected',
  'cell.agreed',
  'comment.created',
  'revision.frozen',
] as const;
export type TNotifiedEventType = (typeof NOTIFIED_EVENT_TYPES)[number];

export type TNotifyParty = { id: string; role: TPartyRole; displayName: string };

export type TNotifyContext = {
  type: string;
  actorPartyId: string | null;
  parties: readonly TNotifyParty[];
  /** The proposal the event is about (proposal.* and cell.agreed). */
  proposal?: { assignment: TAssignment; proposerPartyId: string; suggested: boolean } | null;
  /** The cell's agreed assignment and open proposal's assignment, for comments. */
  cellAssignments?: readonly (TAssignment | null | undefined)[];
  /** A comment's text (mentions as `@<表示名>`). */
  commentBody?: string;
};

export type TNotifyTarget = { partyId: string; informational: boolean };

const named = (a: TAssignment | null | undefined) => Object.entries(a ?? {}).filter(([, roles]) => roles.length > 0).map(([id]) => id);

export const notificationTargets = (c: TNotifyContext): TNotifyTarget[] => {
  const out = new Map<string, boolean>();
  // Acting is stronger than being informed: a party told both ways is told to act.
  const add = (partyId: string, informational: boolean) => out.set(partyId, (out.get(partyId) ?? true) && informational);
  const p = c.proposal;
  switch (c.type) {
    case 'proposal.created':
    case 'proposal.countered': {
      if (!p) break;
      for (const id of requiredAcceptors(p.assignment, c.parties, consentingProposer(p) ?? '')) add(id, false);
      for (const id of named(p.assignment)) add(id, true);
      break;
    }
    case 'proposal.rejected':
      // The proposer must counter or withdraw; the other consenting parties learn of it.
      if (!p) break;
      if (!p.suggested) add(p.proposerPartyId, false);
      else for (const x of c.parties) if (x.role === 'hospital') add(x.id, false);
      for (const id of requiredAcceptors(p.assignment, c.parties, '')) add(id, true);
      break;
    case 'proposal.accepted':
    case 'cell.agreed':
      if (!p) break;
      for (const id of [...requiredAcceptors(p.assignment, c.parties, ''), ...named(p.assignment)]) add(id, true);
      break;
    case 'comment.created': {
      const involved = new Set((c.cellAssignments ?? []).flatMap(named));
      for (const x of c.parties) if (involved.has(x.id) || mentions(c.commentBody ?? '', x.displayName)) add(x.id, false);
      break;
    }
    case 'revision.frozen':
      // 署名依頼: every party but observers signs.
      for (const x of c.parties) if (x.role !== 'observer') add(x.id, false);
      break;
  }
  for (const x of c.parties) if (x.role === 'observer') out.delete(x.id);
  if (c.actorPartyId) out.delete(c.actorPartyId);
  return [...out].map(([partyId, informational]) => ({ partyId, informational }));
};
