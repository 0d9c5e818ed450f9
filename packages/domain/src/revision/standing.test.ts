import { describe, expect, it } from 'vitest';
import { type TStandingRevision, revisionStanding, standingLabel } from './standing.ts';

const r = (number: number, status: TStandingRevision['status'], executedAt: string | null = null): TStandingRevision => ({
  number,
  status,
  frozenAt: `2026-0${number}-01T00:00:00.000Z`,
  executedAt,
});

describe('revisionStanding (版の効力)', () => {
  it('the latest executed revision is current', () => {
    const all = [r(1, 'executed', '2026-01-05T00:00:00.000Z')];
    expect(revisionStanding(all, all[0]!)).toEqual({ kind: 'executed_current', supersededBy: null });
  });

  it('an executed revision stays current while a later one only awaits signatures', () => {
    const all = [r(1, 'executed', '2026-01-05T00:00:00.000Z'), r(2, 'frozen')];
    expect(revisionStanding(all, all[0]!).kind).toBe('executed_current');
    expect(revisionStanding(all, all[1]!).kind).toBe('awaiting_signatures');
  });

  it('revision 1, replaced by executed revisions 3 and 5, names revision 3 and its date', () => {
    const all = [r(1, 'executed', '2026-01-05T00:00:00.000Z'), r(2, 'superseded'), r(3, 'executed', '2026-03-09T00:00:00.000Z'), r(4, 'superseded'), r(5, 'executed', '2026-05-02T00:00:00.000Z')];
    const s = revisionStanding(all, all[0]!);
    expect(s).toEqual({ kind: 'executed_superseded', supersededBy: { number: 3, on: '2026-03-09T00:00:00.000Z' } });
    expect(standingLabel(s).ja).toBe('締結済・第3版（2026-03-09 締結）により失効');
    expect(revisionStanding(all, all[4]!).kind).toBe('executed_current');
  });

  it('a revision superseded before every party signed is void, naming its successor', () => {
    const all = [r(1, 'superseded'), r(2, 'frozen')];
    expect(revisionStanding(all, all[0]!)).toEqual({ kind: 'void', supersededBy: { number: 2, on: '2026-02-01T00:00:00.000Z' } });
  });

  it('a frozen revision whose matrix moved on (no successor frozen yet) is void too', () => {
    const all = [r(1, 'superseded')];
    expect(revisionStanding(all, all[0]!)).toEqual({ kind: 'void', supersededBy: null });
    expect(standingLabel(revisionStanding(all, all[0]!)).en).toMatch(/^Void/);
  });
});
