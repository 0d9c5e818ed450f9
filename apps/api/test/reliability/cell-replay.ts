import {
  EMPTY_KICKOFF,
  EMPTY_TERMS,
  type TAcceptanceParty,
  type TAssignment,
  type TCellStatus,
  type TKickoff,
  type TTerms,
  requiredAcceptors,
} from '@bunkai/domain';

/** A cell as far as its events tell: what the log must reproduce (分担 state). */
export type ReplayedCell = {
  status: TCellStatus;
  assignment: TAssignment | null;
  terms: TTerms;
  notApplicableReason: string | null;
  kickoff: TKickoff;
  openProposalId: string | null;
  version: number;
};

export type ReplayEvent = { seq: number; type: string; actorPartyId: string | null; payload: Record<string, unknown> };

type OpenProposal = { assignment: TAssignment; proposerPartyId: string; suggested: boolean };

/** Events that never change a cell. */
const NEUTRAL = /^(engagement|party|invitation|signatory|asset\.created|duty\.added|revision|signature|comment)\b/;

export const newCell = (): ReplayedCell => ({
  status: 'unassigned',
  assignment: null,
  terms: { ...EMPTY_TERMS },
  notApplicableReason: null,
  kickoff: { ...EMPTY_KICKOFF },
  openProposalId: null,
  version: 1,
});

/**
 * A pure replay of an engagement's event log into cell states: every cell
 * starts unassigned at version 1 when it was created (duty.added /
 * asset.created) and each event moves it exactly as its payload says. The
 * only rule it re-applies is who must consent (a required party's reject
 * disputes a proposed cell), because the rejected event records who rejected,
 * not what followed. Events that would change cells in ways the log does not
 * spell out (duty 対象外, asset deletion) make it throw rather than guess.
 */
export const replayCells = (events: readonly ReplayEvent[], parties: readonly TAcceptanceParty[]): Map<string, ReplayedCell> => {
  const cells = new Map<string, ReplayedCell>();
  const proposals = new Map<string, OpenProposal>();
  let lastSeq = 0;
  const cellOf = (p: Record<string, unknown>): ReplayedCell => {
    const id = String(p.cellId);
    let c = cells.get(id);
    if (!c) cells.set(id, (c = newCell()));
    return c;
  };
  const versionOf = (p: Record<string, unknown>) => Number(p.cellVersion);

  for (const e of events) {
    if (e.seq <= lastSeq) throw new Error(`events out of order at seq ${e.seq}`);
    lastSeq = e.seq;
    const p = e.payload;
    switch (e.type) {
      case 'proposal.created':
      case 'proposal.countered': {
        const c = cellOf(p);
        proposals.set(String(p.proposalId), {
          assignment: p.assignment as TAssignment,
          proposerPartyId: String(p.proposerPartyId),
          suggested: Boolean(p.suggested),
        });
        Object.assign(c, { status: 'proposed', openProposalId: String(p.proposalId), version: versionOf(p) });
        break;
      }
      case 'proposal.accepted':
        cellOf(p).version = versionOf(p);
        break;
      case 'proposal.rejected': {
        const c = cellOf(p);
        const open = proposals.get(String(p.proposalId));
        if (!open) throw new Error(`seq ${e.seq}: reject of a proposal the log never created`);
        const required = requiredAcceptors(open.assignment, parties, open.suggested ? '' : open.proposerPartyId);
        if (c.status === 'proposed' && required.includes(String(p.partyId))) c.status = 'disputed';
        c.version = versionOf(p);
        break;
      }
      case 'cell.agreed':
        Object.assign(cellOf(p), {
          status: 'agreed',
          assignment: p.assignment as TAssignment,
          terms: p.terms as TTerms,
          openProposalId: null,
          version: versionOf(p),
        });
        break;
      case 'proposal.withdrawn':
        Object.assign(cellOf(p), { status: p.cellStatus as TCellStatus, openProposalId: null, version: versionOf(p) });
        break;
      case 'cell.reviewed': {
        const c = cellOf(p);
        const ch = p.changes as Partial<{ firstCheckAnswer: 'yes' | 'no' | null; firstCheckOn: string | null; completedOn: string | null; notes: string }>;
        if ('firstCheckAnswer' in ch || 'firstCheckOn' in ch) c.kickoff = { ...c.kickoff, firstCheckAnswer: ch.firstCheckAnswer ?? null, firstCheckOn: ch.firstCheckOn ?? null };
        if ('completedOn' in ch) c.kickoff = { ...c.kickoff, completedOn: ch.completedOn ?? null };
        if ('notes' in ch) c.kickoff = { ...c.kickoff, notes: ch.notes ?? '' };
        c.version = versionOf(p);
        break;
      }
      case 'cell.not_applicable':
        Object.assign(cellOf(p), { status: 'not_applicable', notApplicableReason: String(p.reason), openProposalId: null, version: versionOf(p) });
        break;
      case 'cell.reopened':
        Object.assign(cellOf(p), { status: p.status as TCellStatus, notApplicableReason: null, version: versionOf(p) });
        break;
      default:
        if (!NEUTRAL.test(e.type)) throw new Error(`seq ${e.seq}: the replay does not model ${e.type}`);
    }
  }
  return cells;
};
