/**
 * 受信箱 (inbox): what waits for one party in one engagement, decided without I/O from
 * the matrix, the comments and the revisions awaiting signature. Each rule names the
 * party that must act; nothing here is informational.
 */
import type { TAssignment } from '../model/cell.ts';
import type { TCellStatus, TFirstCheckAnswer, TPartyRole } from '../model/enums.ts';

export const INBOX_KINDS = [
  /** An open proposal waiting for this party's consent (承諾待ち). */
  'consent',
  /** A cell where this party is R or A (or, unassigned, the hospital) that is unassigned or disputed (係争). */
  'unsettled',
  /** Comments by other parties since this party last wrote, on a cell where it has a role or that mention it. */
  'comment',
  /** A frozen revision this user signs for its party and the party has not signed yet (署名待ち). */
  'signature',
  /** A 完了予定日 within the look-ahead or past, not completed, where this party is R or A. */
  'completion_due',
  /** A いいえ 初回確認 without a 完了予定日 (nor 完了日), where this party is R or A. */
  'no_target',
] as const;
export type TInboxKind = (typeof INBOX_KINDS)[number];

export type TInboxCell = {
  id: string;
  status: TCellStatus;
  assignment: TAssignment | null;
  openProposal: { id: string; assignment: TAssignment; pendingFrom: readonly string[]; createdAt: string } | null;
  kickoff: { firstCheckAnswer: TFirstCheckAnswer | null; completedOn: string | null };
  dueOn?: string | null | undefined;
  completionDueOn?: string | null | undefined;
};

export type TInboxComment = { id: string; cellId: string; partyId: string; body: string; createdAt: string };

export type TInboxInput = {
  engagementId: string;
  party: { id: string; role: TPartyRole; displayName: string };
  /** The user may sign for the party (署名者). */
  isSignatory: boolean;
  cells: readonly TInboxCell[];
  /** Every comment of the engagement, any order. */
  comments: readonly TInboxComment[];
  /** Revisions frozen and waiting for signatures, with the parties that signed. */
  awaitingSignature: readonly { id: string; number: number; frozenAt: string | null; signedPartyIds: readonly string[] }[];
  /** Today (YYYY-MM-DD) and how many days ahead a 完了予定日 counts as near. */
  today: string;
  dueSoonDays: number;
};

export type TInboxEntry = {
  kind: TInboxKind;
  engagementId: string;
  cellId: string | null;
  proposalId: string | null;
  revisionId: string | null;
  /** The newest comment counted (kind `comment`). */
  commentId: string | null;
  /** How many comments are counted (kind `comment`), else 0. */
  comments: number;
  /** The deadline that applies: 期限 (consent, unsettled) or 完了予定日 (completion_due). */
  dueOn: string | null;
  overdue: boolean;
  /** Since when it waits, when known. */
  since: string | null;
};

const holdsRA = (assignment: TAssignment | null | undefined, partyId: string) => Boolean(assignment?.[partyId]?.some((r) => r === 'R' || r === 'A'));
const holdsAny = (assignment: TAssignment | null | undefined, partyId: string) => Boolean(assignment?.[partyId]?.length);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const item = (input: TInboxInput, kind: TInboxKind, over: Partial<TInboxEntry>): TInboxEntry => ({
  kind,
  engagementId: input.engagementId,
  cellId: null,
  proposalId: null,
  revisionId: null,
  commentId: null,
  comments: 0,
  dueOn: null,
  overdue: false,
  since: null,
  ...over,
});

/** A comment mentions a party when it names it as `@<表示名>`. */
export const mentions = (body: string, displayName: string) => displayName.trim() !== '' && body.includes(`@${displayName.trim()}`);

/** Comments by others after the party's own last comment on each cell, oldest first. */
const unansweredByCell = (comments: readonly TInboxComment[], partyId: string) => {
  const byCell = new Map<string, TInboxComment[]>();
  for (const c of [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))) {
    if (c.partyId === partyId) byCell.set(c.cellId, []);
    else byCell.set(c.cellId, [...(byCell.get(c.cellId) ?? []), c]);
  }
  return byCell;
};

/** Everything waiting for `input.party` in one engagement, cells in the order given. */
export const selectInbox = (input: TInboxInput): TInboxEntry[] => {
  const me = input.party.id;
  const items: TInboxEntry[] = [];
  const overdue = (due: string | null | undefined) => Boolean(due && due < input.today);
  const unanswered = unansweredByCell(input.comments, me);
  const soon = addDays(input.today, input.dueSoonDays);
  for (const c of input.cells) {
    if (c.status === 'not_applicable') continue;
    const due = c.dueOn ?? null;
    const open = c.openProposal;
    if (open && c.status === 'proposed' && open.pendingFrom.includes(me))
      items.push(item(input, 'consent', { cellId: c.id, proposalId: open.id, dueOn: due, overdue: overdue(due), since: open.createdAt }));
    const mine = holdsRA(c.assignment, me) || holdsRA(open?.assignment, me);
    if ((c.status === 'disputed' && mine) || (c.status === 'unassigned' && input.party.role === 'hospital'))
      items.push(item(input, 'unsettled', { cellId: c.id, proposalId: open?.id ?? null, dueOn: due, overdue: overdue(due) }));
    const said = unanswered.get(c.id) ?? [];
    const involved = holdsAny(c.assignment, me) || holdsAny(open?.assignment, me);
    const counted = involved ? said : said.filter((x) => mentions(x.body, input.party.displayName));
    const last = counted.at(-1);
    if (last) items.push(item(input, 'comment', { cellId: c.id, commentId: last.id, comments: counted.length, since: counted[0]!.createdAt }));
    if (!holdsRA(c.assignment, me) || c.kickoff.completedOn) continue;
    const target = c.completionDueOn ?? null;
    if (target && target <= soon) items.push(item(input, 'completion_due', { cellId: c.id, dueOn: target, overdue: overdue(target) }));
    if (c.kickoff.firstCheckAnswer === 'no' && !target) items.push(item(input, 'no_target', { cellId: c.id }));
  }
  if (input.isSignatory)
    for (const r of input.awaitingSignature)
      if (!r.signedPartyIds.includes(me)) items.push(item(input, 'signature', { revisionId: r.id, since: r.frozenAt }));
  return items;
};

/** Counts per kind (every kind present, zero when none) and in total. */
export const countInbox = (items: readonly TInboxEntry[]) => {
  const byKind = Object.fromEntries(INBOX_KINDS.map((k) => [k, 0])) as Record<TInboxKind, number>;
  for (const i of items) byKind[i.kind] += 1;
  return { total: items.length, byKind };
};

/** The web route of an item (relative to PUBLIC_URL): the exact cell in the matrix, or the sign-off page. */
export const inboxPath = (i: Pick<TInboxEntry, 'kind' | 'engagementId' | 'cellId'>) =>
  i.kind === 'signature' || !i.cellId ? `/engagements/${i.engagementId}/sign-off` : `/engagements/${i.engagementId}/matrix?cell=${i.cellId}`;
