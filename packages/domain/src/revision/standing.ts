import { z } from 'zod';

/**
 * 版の効力 (standing): what a revision is worth today, derived from all revisions of its engagement.
 * - executed_current: every party signed it and no later revision has been executed (現に有効).
 * - executed_superseded: it was executed, but a later revision was executed since (変更契約により失効).
 * - void: it was superseded before every party signed (未締結のまま失効) — it never bound anyone.
 * - awaiting_signatures: the latest frozen revision, still open for signatures (署名待ち).
 * A superseded or void revision is never reported as a plain match.
 */
export const REVISION_STANDINGS = ['executed_current', 'executed_superseded', 'void', 'awaiting_signatures'] as const;
export type TRevisionStandingKind = (typeof REVISION_STANDINGS)[number];

export const ZRevisionStanding = z.object({
  kind: z.enum(REVISION_STANDINGS),
  /** The revision that took its place: the next executed one (executed_superseded) or the next frozen one (void). */
  supersededBy: z.object({ number: z.number().int().min(1), on: z.string().max(40).nullable() }).nullable(),
});
export type TRevisionStanding = z.infer<typeof ZRevisionStanding>;

/** What the decision reads of a revision. `status` is the effective one (superseded when the matrix moved on). */
export type TStandingRevision = {
  number: number;
  status: 'draft' | 'frozen' | 'executed' | 'superseded';
  frozenAt: string | null;
  executedAt: string | null;
};

const byNumber = (a: TStandingRevision, b: TStandingRevision) => a.number - b.number;

export const revisionStanding = (all: readonly TStandingRevision[], target: TStandingRevision): TRevisionStanding => {
  const later = all.filter((r) => r.number > target.number).sort(byNumber);
  if (target.status === 'executed') {
    const next = later.find((r) => r.status === 'executed');
    return next ? { kind: 'executed_superseded', supersededBy: { number: next.number, on: next.executedAt } } : { kind: 'executed_current', supersededBy: null };
  }
  // A frozen revision stays open only while it is the latest and the matrix still matches it (status frozen).
  if (target.status === 'frozen' && later.every((r) => r.status === 'draft')) return { kind: 'awaiting_signatures', supersededBy: null };
  const next = later.find((r) => r.status !== 'draft');
  return { kind: 'void', supersededBy: next ? { number: next.number, on: next.frozenAt } : null };
};

/** One line for people: 「第3版（2026-05-01 締結）により失効」 and the like. */
export const standingLabel = (s: TRevisionStanding): { ja: string; en: string } => {
  const by = s.supersededBy;
  const on = (v: string | null) => (v ? v.slice(0, 10) : '');
  switch (s.kind) {
    case 'executed_current':
      return { ja: '締結済・現に有効', en: 'Executed and current' };
    case 'executed_superseded':
      return {
        ja: `締結済・第${by?.number}版${by?.on ? `（${on(by.on)} 締結）` : ''}により失効`,
        en: `Executed, superseded by revision ${by?.number}${by?.on ? ` on ${on(by.on)}` : ''}`,
      };
    case 'void':
      return by
        ? { ja: `未締結のまま第${by.number}版${by.on ? `（${on(by.on)} 凍結）` : ''}により失効（無効）`, en: `Void: superseded by revision ${by.number}${by.on ? ` on ${on(by.on)}` : ''} before every party signed` }
        : { ja: '未締結のまま失効（無効）', en: 'Void: superseded before every party signed' };
    case 'awaiting_signatures':
      return { ja: '署名待ち（未締結）', en: 'Awaiting signatures (not executed)' };
  }
};
