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

  const cellText = async (tx: Db, cellId: string | null, lang: MailLang) => {
    const l = cellId ? await cellLabel(tx, cellId) : undefined;
    if (!l) return '';
    return `「${l.code} ${lang === 'en' ? l.titleEn : l.titleJa}${l.asset ? `（${l.asset}）` : ''}」`;
  };

  /** Files one notification per user of the target parties (not the actor, not unsubscribed, informational only if opted in) and schedules their digests. */
  const file = async (tx: Db, f: Filing) => {
    const informational = new Map(f.targets.map((t) => [t.partyId, t.informational]));
    const recipients = (await recipientsOfParties(tx, [...informational.keys()])).filter(
      (r) => r.userId !== f.actorUserId && r.digest !== 'none' && (!informational.get(r.partyId) || r.notifyInformational),
    );
    if (!recipients.length) return 0;
    const parties = await partiesRepo.listByEngagement(f.engagementId, tx);
    const actor = parties.find((p) => p.id === f.actorPartyId)?.displayName ?? '';
    const path = f.cellId ? `/engagements/${f.engagementId}/matrix?cell=${f.cellId}` : `/engagements/${f.engagementId}/sign-off`;
    const cell = { ja: await cellText(tx, f.cellId, 'ja'), en: await cellText(tx, f.cellId, 'en') };
    const written = await insertNotifications(
      tx,
      recipients.map((r) => {
        const info = informational.get(r.partyId) ?? false;
        return {
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
        };
      }),
    );
    const now = clock.now();
    for (const r of recipients.filter((x) => written.some((w) => w.userId === x.userId))) {
      if (r.digest === 'none') continue;
      const slot = digestSlot(r.digest, now);
      await jobs.enqueue({ kind: DIGEST_JOB, payload: { userId: r.userId }, runAt: slot.runAt, uniqueKey: `digest:${r.userId}:${slot.key}` }, tx);
    }
    return written.length;
  };

  const proposalOf = async (tx: Db, payload: Record<string, unknown>) => {
    if (payload.assignment && typeof payload.proposerPartyId === 'string')
      return { assignment: payload.assignment as TAssignment, proposerPartyId: payload.proposerPartyId, suggested: Boolean(payload.suggested) };
    const row = typeof payload.proposalId === 'string' ? await findProposalRow(tx, payload.proposalId) : undefined;
    return row ? { assignment: row.assignment, proposerPartyId: row.proposerPartyId, suggested: row.suggested } : null;
  };

  const fileEvent = async (tx: Db, e: EventRow) => {
    if (!(NOTIFIED_EVENT_TYPES as readonly string[]).includes(e.type)) return 0;
    const p = e.payload;
    const cellId = typeof p.cellId === 'string' ? p.cellId : null;
    const parties = (await partiesRepo.listByEngagement(e.engagementId, tx)).map((x) => ({ id: x.id, role: x.role, displayName: x.displayName }));
    let cellAssignments: (TAssignment | null)[] = [];
    if (e.type === 'comment.created' && cellId) {
      const cell = await findCellRow(tx, cellId);
      const open = cell?.openProposalId ? await findProposalRow(tx, cell.openProposalId) : undefined;
      cellAssignments = [cell?.assignment ?? null, open?.assignment ?? null];
    }
    const commentBody = typeof p.body === 'string' ? p.body : '';
    const targets = notificationTargets({
      type: e.type,
      actorPartyId: e.actorPartyId,
      parties,
      proposal: e.type.startsWith('proposal.') || e.type === 'cell.agreed' ? await proposalOf(tx, p) : null,
      cellAssignments,
      commentBody,
    });
    const reason = (typeof p.reason === 'string' ? p.reason : commentBody).slice(0, 200);
    return file(tx, { engagementId: e.engagementId, kind: e.type, sourceKey: `event:${e.seq}`, eventSeq: e.seq, cellId, actorUserId: e.actorUserId, actorPartyId: e.actorPartyId, targets, reason });
  };

  /** New events of every engagement into notifications, one engagement cursor at a time. */
  const dispatch = async () => {
    await ensureAllEventCursors(db, NOTIFY_CURSOR);
    for (let round = 0; round < 50; round++) {
      const locked = await db.transaction(async (tx) => {
        const cursors = await lockLaggingCursors(tx, NOTIFY_CURSOR, 20);
        for (const c of cursors) {
          const { events, reached } = await readEventsForDispatch(tx, c.engagementId, c.seq, NOTIFIED_EVENT_TYPES, 200);
          for (const e of events) await fileEvent(tx, e);
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
      const parties = await partiesRepo.listByEngagement(proposal.engagementId, tx);
      const { pendingFrom } = acceptanceState(proposal, await responsesOf(tx, proposalId), parties);
      await file(tx, {
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
      });
    });
  });

  jobs.onTick(dispatch);
  jobs.onTick(sweepReminders);
  return { dispatch, sweepReminders };
};
export type Notifications = ReturnType<typeof createNotifications>;
