import { createHmac } from 'node:crypto';
import {
  NOTIFIED_EVENT_TYPES,
  type TAssignment,
  type TNotifyTarget,
  acceptanceState,
  digestSlot,
  dueReminder,
  notificationTargets,
} from '@bunkai/domain';
import {
  type Db,
  type EventRow,
  cellLabel,
  engagementTitle,
  ensureAllEventCursors,
  findCellRow,
  findProposalRow,
  getPreferences,
  insertNotifications,
  listProposalsForReminders,
  lockLaggingCursors,
  lockUnmailed,
  markMailed,
  moveEventCursor,
  organizationsRepository,
  partiesRepository,
  readEventsForDispatch,
  recipientsOfParties,
  responsesOf,
} from '@bunkai/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { MailLang, MailService } from '../mail/index.ts';
import { summarize } from './summaries.ts';

export const NOTIFY_CURSOR = 'notifications';
export const DIGEST_JOB = 'notify.digest';
export const REMINDER_JOB = 'notify.reminder';
/** How often (clock time) a process looks for reminders due. */
const REMINDER_SWEEP_MS = 60_000;

type Deps = { db: Db; jobs: JobQueue; mail: Pick<MailService, 'enqueueMail'>; clock: Clock; config: Pick<Config, 'publicUrl' | 'jwtSecret'> };

type Filing = {
  engagementId: string;
  kind: string;
  sourceKey: string;
  eventSeq: number | null;
  cellId: string | null;
  actorUserId: string | null;
  actorPartyId: string | null;
  targets: TNotifyTarget[];
  reason: string;
  n?: number;
};

/** The HMAC in a user's unsubscribe link: no sign-in needed, nothing stored. */
export const unsubscribeToken = (secret: string, userId: string) => createHmac('sha256', secret).update(`unsubscribe:${userId}`).digest('hex');

/**
 * 通知: events become per-user notifications, notifications become digest e-mails, and
 * waiting consents become reminders — all through the job queue. The event dispatcher keeps
 * its own `notifications` cursor per engagement (locked SKIP LOCKED, moved in the same
 * transaction that files the notifications), notifications are unique per user and source,
 * and digest and reminder jobs have unique keys: with several instances, each event is filed
 * once, each digest mailed once and each reminder sent once.
 */
export const createNotifications = ({ db, jobs, mail, clock, config }: Deps) => {
  const base = config.publicUrl.replace(/\/+$/, '');
  const partiesRepo = partiesRepository(db);
  const orgs = organizationsRepository(db);

  type Recipient = Awaited<ReturnType<typeof recipientsOfParties>>[number];
  type Label = Awaited<ReturnType<typeof cellLabel>>;
  /** What filing reads once per engagement and batch of events, not once per event. */
  type Filer = {
    parties: Awaited<ReturnType<typeof partiesRepo.listByEngagement>>;
    recipients: Recipient[];
    label: (cellId: string) => Promise<Label>;
    proposal: (proposalId: string) => ReturnType<typeof findProposalRow>;
  };

  const filerFor = async (tx: Db, engagementId: string): Promise<Filer> => {
    const parties = await partiesRepo.listByEngagement(engagementId, tx);
    const recipients = await recipientsOfParties(tx, parties.map((p) => p.id));
    const labels = new Map<string, Promise<Label>>();
    const proposals = new Map<string, ReturnType<typeof findProposalRow>>();
    return {
      parties,
      recipients,
      label: (cellId) => labels.get(cellId) ?? labels.set(cellId, cellLabel(tx, cellId)).get(cellId)!,
      proposal: (proposalId) => proposals.get(proposalId) ?? proposals.set(proposalId, findProposalRow(tx, proposalId)).get(proposalId)!,
    };
  };

  const cellText = (l: Label, lang: MailLang) => (l ? `「${l.code} ${lang === 'en' ? l.titleEn : l.titleJa}${l.asset ? `（${l.asset}）` : ''}」` : '');

  type Pending = { row: Parameters<typeof insertNotifications>[1][number]; recipient: Recipient };

  /** The notifications of one filing: one per user of the target parties (not the actor, not unsubscribed, informational only if opted in). */
  const rowsOf = async (filer: Filer, f: Filing): Promise<Pending[]> => {
    const informational = new Map(f.targets.map((t) => [t.partyId, t.informational]));
    const recipients = filer.recipients.filter(
      (r) => informational.has(r.partyId) && r.userId !== f.actorUserId && r.digest !== 'none' && (!informational.get(r.partyId) || r.notifyInformational),
    );
    if (!recipients.length) return [];
    const actor = filer.parties.find((p) => p.id === f.actorPartyId)?.displayName ?? '';
    const path = f.cellId ? `/engagements/${f.engagementId}/matrix?cell=${f.cellId}` : `/engagements/${f.engagementId}/sign-off`;
    const label = f.cellId ? await filer.label(f.cellId) : undefined;
    const cell = { ja: cellText(label, 'ja'), en: cellText(label, 'en') };
    return recipients.map((r) => {
      const info = informational.get(r.partyId) ?? false;
      return {
        recipient: r,
        row: {
          userId: r.userId,
          engagementId: f.engagementId,
          partyId: r.partyId,
          kind: f.kind,
          sourceKey: f.sourceKey,
          eventSeq: f.eventSeq,
          cellId: f.cellId,
          informational: info,
          summary: summarize(r.lang, { kind: f.kind, actor, cell: cell[r.lang], reason: f.reason, informational: info, ...(f.n ? { n: f.n } : {}) }),
          path,
        },
      };
    });
  };

  /** Files the notifications (in statements of up to 500) and schedules each recipient's digest once. */
  const file = async (tx: Db, pending: Pending[]) => {
    const written = new Set<string>();
    for (let i = 0; i < pending.length; i += 500) for (const w of await insertNotifications(tx, pending.slice(i, i + 500).map((p) => p.row))) written.add(w.userId);
    const now = clock.now();
    const scheduled = new Set<string>();
    for (const { recipient: r } of pending) {
      if (!written.has(r.userId) || r.digest === 'none') continue;
      const slot = digestSlot(r.digest, now);
      const uniqueKey = `digest:${r.userId}:${slot.key}`;
      if (scheduled.has(uniqueKey)) continue;
      scheduled.add(uniqueKey);
      await jobs.enqueue({ kind: DIGEST_JOB, payload: { userId: r.userId }, runAt: slot.runAt, uniqueKey }, tx);
    }
    return written.size;
  };

  const proposalOf = async (filer: Filer, payload: Record<string, unknown>) => {
    if (payload.assignment && typeof payload.proposerPartyId === 'string')
      return { assignment: payload.assignment as TAssignment, proposerPartyId: payload.proposerPartyId, suggested: Boolean(payload.suggested) };
    const row = typeof payload.proposalId === 'string' ? await filer.proposal(payload.proposalId) : undefined;
    return row ? { assignment: row.assignment, proposerPartyId: row.proposerPartyId, suggested: row.suggested } : null;
  };

  const filingOf = async (tx: Db, filer: Filer, e: EventRow): Promise<Filing | null> => {
    if (!(NOTIFIED_EVENT_TYPES as readonly string[]).includes(e.type)) return null;
    const p = e.payload;
    const cellId = typeof p.cellId === 'string' ? p.cellId : null;
    const parties = filer.parties.map((x) => ({ id: x.id, role: x.role, displayName: x.displayName }));
    let cellAssignments: (TAssignment | null)[] = [];
    if (e.type === 'comment.created' && cellId) {
      // The cell as it is now, not as it was at the comment (a batch may hold later events of it).
      const cell = await findCellRow(tx, cellId);
      const open = cell?.openProposalId ? await filer.proposal(cell.openProposalId) : undefined;
      cellAssignments = [cell?.assignment ?? null, open?.assignment ?? null];
    }
    const commentBody = typeof p.body === 'string' ? p.body : '';
    const targets = notificationTargets({
      type: e.type,
      actorPartyId: e.actorPartyId,
      parties,
      proposal: e.type.startsWith('proposal.') || e.type === 'cell.agreed' ? await proposalOf(filer, p) : null,
      cellAssignments,
      commentBody,
    });
    const reason = (typeof p.reason === 'string' ? p.reason : commentBody).slice(0, 200);
    return { engagementId: e.engagementId, kind: e.type, sourceKey: `event:${e.seq}`, eventSeq: e.seq, cellId, actorUserId: e.actorUserId, actorPartyId: e.actorPartyId, targets, reason };
  };

  /**
   * New events of every engagement into notifications, one engagement cursor at a time. Parties,
   * recipients, cell labels and proposals are read once per batch of events, and the batch's
   * notifications are written together: the dispatcher runs in the API process, beside the requests.
   */
  const dispatch = async () => {
    await ensureAllEventCursors(db, NOTIFY_CURSOR);
    for (let round = 0; round < 50; round++) {
      const locked = await db.transaction(async (tx) => {
        const cursors = await lockLaggingCursors(tx, NOTIFY_CURSOR, 20);
        for (const c of cursors) {
          const { events, reached } = await readEventsForDispatch(tx, c.engagementId, c.seq, NOTIFIED_EVENT_TYPES, 200);
          if (events.length) {
            const filer = await filerFor(tx, c.engagementId);
            const pending: Pending[] = [];
            for (const e of events) {
              const f = await filingOf(tx, filer, e);
              if (f) pending.push(...(await rowsOf(filer, f)));
            }
            await file(tx, pending);
          }
          await moveEventCursor(tx, NOTIFY_CURSOR, c.engagementId, reached);
        }
        return cursors.length;
      });
      if (!locked) break;
    }
  };

  jobs.register(DIGEST_JOB, async (payload) => {
    const userId = String(payload.userId);
    await db.transaction(async (tx) => {
      const rows = await lockUnmailed(tx, userId);
      if (!rows.length) return;
      const prefs = await getPreferences(tx, userId);
      const user = await orgs.findUserWithOrganization(userId, tx);
      if (user && prefs.digest !== 'none') {
        const titles = new Map<string, string>();
        for (const id of new Set(rows.map((r) => r.engagementId))) titles.set(id, await engagementTitle(tx, id));
        await mail.enqueueMail(
          {
            to: user.email,
            template: 'digest',
            lang: prefs.lang,
            data: {
              items: rows.map((r) => ({ engagementTitle: titles.get(r.engagementId) ?? '', summary: r.summary, url: `${base}${r.path}` })),
              inboxUrl: `${base}/`,
              preferencesUrl: `${base}/account`,
              unsubscribeUrl: `${base}/unsubscribe?user=${userId}&token=${unsubscribeToken(config.jwtSecret, userId)}`,
            },
          },
          tx,
        );
      }
      // Unsubscribed meanwhile: what was filed is dropped with the mail it would have been.
      await markMailed(tx, rows.map((r) => r.id), clock.now());
    });
  });

  let lastSweep: number | null = null;
  /** Enqueues the reminder due now for each waiting proposal; its unique key makes it once per number, whoever sweeps. */
  const sweepReminders = async () => {
    const now = clock.now();
    if (lastSweep !== null && now.getTime() - lastSweep < REMINDER_SWEEP_MS) return;
    lastSweep = now.getTime();
    for (const r of await listProposalsForReminders(db, now)) {
      const n = dueReminder(r.createdAt, now, r);
      if (n > 0) await jobs.enqueue({ kind: REMINDER_JOB, payload: { proposalId: r.proposalId, n }, uniqueKey: `reminder:${r.proposalId}:${n}` });
    }
  };

  jobs.register(REMINDER_JOB, async (payload) => {
    const proposalId = String(payload.proposalId);
    const n = Number(payload.n);
    await db.transaction(async (tx) => {
      const proposal = await findProposalRow(tx, proposalId);
      const cell = proposal && (await findCellRow(tx, proposal.cellId));
      if (!proposal || !cell || proposal.status !== 'open' || cell.openProposalId !== proposalId || cell.status !== 'proposed') return;
      const filer = await filerFor(tx, proposal.engagementId);
      const { pendingFrom } = acceptanceState(proposal, await responsesOf(tx, proposalId), filer.parties);
      const f: Filing = {
        engagementId: proposal.engagementId,
        kind: 'reminder',
        sourceKey: `reminder:${proposalId}:${n}`,
        eventSeq: null,
        cellId: cell.id,
        actorUserId: null,
        actorPartyId: null,
        targets: pendingFrom.map((partyId) => ({ partyId, informational: false })),
        reason: '',
        n,
      };
      await file(tx, await rowsOf(filer, f));
    });
  });

  jobs.onTick(dispatch);
  jobs.onTick(sweepReminders);
  return { dispatch, sweepReminders };
};
export type Notifications = ReturnType<typeof createNotifications>;
