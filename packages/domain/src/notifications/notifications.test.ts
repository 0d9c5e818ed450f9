import { describe, expect, it } from 'vitest';
import { digestSlot } from './preferences.ts';
import { dueReminder } from './reminders.ts';
import { notificationTargets } from './targets.ts';

const parties = [
  { id: 'hosp', role: 'hospital' as const, displayName: '病院' },
  { id: 'ehr', role: 'ehr_vendor' as const, displayName: 'A社' },
  { id: 'net', role: 'network_vendor' as const, displayName: 'B社' },
  { id: 'vpn', role: 'vpn_owner' as const, displayName: 'C社' },
  { id: 'obs', role: 'observer' as const, displayName: '監査法人' },
];
const sorted = (t: { partyId: string; informational: boolean }[]) => [...t].sort((a, b) => a.partyId.localeCompare(b.partyId));

describe('notificationTargets (通知先)', () => {
  it('a proposal asks the parties whose consent counts, informs C/I parties, and skips the proposer and the uninvolved', () => {
    const proposal = { assignment: { hosp: ['A' as const], ehr: ['R' as const], net: ['I' as const] }, proposerPartyId: 'hosp', suggested: false };
    expect(sorted(notificationTargets({ type: 'proposal.created', actorPartyId: 'hosp', parties, proposal }))).toEqual([
      { partyId: 'ehr', informational: false },
      { partyId: 'net', informational: true },
    ]);
  });

  it('a rejection goes to the proposer to act; comments reach named and mentioned parties; observers never', () => {
    const proposal = { assignment: { hosp: ['A' as const], ehr: ['R' as const] }, proposerPartyId: 'ehr', suggested: false };
    expect(sorted(notificationTargets({ type: 'proposal.rejected', actorPartyId: 'hosp', parties, proposal }))).toEqual([{ partyId: 'ehr', informational: false }]);
    const comment = notificationTargets({ type: 'comment.created', actorPartyId: 'hosp', parties, cellAssignments: [{ ehr: ['R'], obs: [] }, null], commentBody: '@C社 と @監査法人 へ' });
    expect(sorted(comment)).toEqual([
      { partyId: 'ehr', informational: false },
      { partyId: 'vpn', informational: false },
    ]);
    expect(sorted(notificationTargets({ type: 'revision.frozen', actorPartyId: 'hosp', parties })).map((t) => t.partyId)).toEqual(['ehr', 'net', 'vpn']);
    expect(notificationTargets({ type: 'cell.reviewed', actorPartyId: 'hosp', parties })).toEqual([]);
  });
});

describe('digestSlot and dueReminder', () => {
  it('batches per minute, hour or day (09:00 JST), under one key per window', () => {
    const at = new Date('2026-12-07T08:41:30.500Z');
    expect(digestSlot('immediate', at)).toEqual({ runAt: new Date('2026-12-07T08:42:00.000Z'), key: 'immediate:2026-12-07T08:41:00.000Z' });
    expect(digestSlot('hourly', at)).toEqual({ runAt: new Date('2026-12-07T09:00:00.000Z'), key: 'hourly:2026-12-07T08:00:00.000Z' });
    expect(digestSlot('daily', at)).toEqual({ runAt: new Date('2026-12-08T00:00:00.000Z'), key: 'daily:2026-12-07T00:00:00.000Z' });
  });

  it('reminds first after N days, then every M, capped', () => {
    const s = { firstAfterDays: 5, everyDays: 2, maxCount: 3 };
    const at = (days: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + days * 86_400_000);
    expect([0, 4.9, 5, 6.9, 7, 9, 30].map((d) => dueReminder('2026-12-01T00:00:00Z', at(d), s))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(dueReminder('2026-12-01T00:00:00Z', at(30), { ...s, maxCount: 0 })).toBe(0);
  });
});
