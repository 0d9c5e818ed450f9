import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitations.ts';

const expiresAt = '2026-12-15T09:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('invitationStatus (招待の状態)', () => {
  it('is pending until the deadline and expired from the deadline on', () => {
    const open = { revokedAt: null, acceptedAt: null, expiresAt };
    expect(invitationStatus(open, at('2026-12-15T08:59:59.999Z'))).toBe('pending');
    expect(invitationStatus(open, at(expiresAt))).toBe('expired');
    expect(invitationStatus(open, at('2027-01-01T00:00:00Z'))).toBe('expired');
  });

  it('keeps revoked and accepted after the deadline (they decide before time does)', () => {
    const late = at('2027-01-01T00:00:00Z');
    expect(invitationStatus({ revokedAt: '2026-12-02T00:00:00Z', acceptedAt: null, expiresAt }, late)).toBe('revoked');
    expect(invitationStatus({ revokedAt: null, acceptedAt: new Date('2026-12-02T00:00:00Z'), expiresAt }, late)).toBe('accepted');
    expect(invitationStatus({ revokedAt: '2026-12-03T00:00:00Z', acceptedAt: '2026-12-02T00:00:00Z', expiresAt }, late)).toBe('revoked');
  });
});
