import { BOM, toCsv } from '../exchange/index.ts';

/**
 * The audit trail's two text forms. Every record becomes one JSON line, or one
 * CSV row in a single column layout shared by events, signatures and the
 * final verification line (documented in docs/decisions/0004-revision-canonical-form.md).
 */
export type AuditEventRecord = {
  record: 'event';
  seq: number;
  at: string;
  type: string;
  actorUserId: string | null;
  actorUserName: string | null;
  actorPartyId: string | null;
  actorPartyName: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

export type AuditSignatureRecord = {
  record: 'signature';
  signatureId: string;
  revisionId: string;
  revisionNumber: number;
  revisionSha256: string;
  partyId: string;
  partyName: string;
  organizationId: string;
  organizationName: string;
  signerUserId: string;
  signerName: string;
  signedAt: string;
  statement: string;
  ip: string;
  userAgent: string;
  sealVersion: number;
  seal: string;
  sealValid: boolean;
};

export type AuditVerificationRecord = {
  record: 'verification';
  verifiedAt: string;
  /** The event chain recomputed from seq 1 (verifyChain). */
  chain: { ok: boolean; count: number; headHash: string; firstBreak: { seq: number; reason: string; expected: string; actual: string } | null };
  signatures: { count: number; sealsValid: boolean };
};

export type AuditRecord = AuditEventRecord | AuditSignatureRecord | AuditVerificationRecord;

export const toJsonLine = (r: AuditRecord): string => `${JSON.stringify(r)}\n`;

export const CSV_COLUMNS = ['record', 'seq', 'at', 'type', 'actor_user_id', 'actor_user', 'actor_party_id', 'actor_party', 'subject_id', 'payload', 'prev_hash', 'hash'] as const;

/** One CSV row, through the same writer as the matrix export (quoting, CRLF, formula-injection guard). */
const row = (fields: (string | number | null)[]): string => toCsv([fields], { bom: false });

export const CSV_BOM = BOM;
export const csvHeader = (): string => row([...CSV_COLUMNS]);

export const toCsvRow = (r: AuditRecord): string => {
  switch (r.record) {
    case 'event':
      return row(['event', r.seq, r.at, r.type, r.actorUserId, r.actorUserName, r.actorPartyId, r.actorPartyName, r.subjectId, JSON.stringify(r.payload), r.prevHash, r.hash]);
    case 'signature': {
      const { revisionNumber, revisionSha256, organizationId, organizationName, statement, ip, userAgent, sealVersion, sealValid, signatureId } = r;
      const payload = { signatureId, revisionNumber, revisionSha256, organizationId, organizationName, statement, ip, userAgent, sealVersion, sealValid };
      return row(['signature', null, r.signedAt, 'signature', r.signerUserId, r.signerName, r.partyId, r.partyName, r.revisionId, JSON.stringify(payload), null, r.seal]);
    }
    case 'verification':
      return row(['verification', null, r.verifiedAt, r.chain.ok ? 'chain.ok' : 'chain.broken', null, null, null, null, null, JSON.stringify({ chain: r.chain, signatures: r.signatures }), null, r.chain.headHash]);
  }
};
