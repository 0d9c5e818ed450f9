import type { TAsset, TCell, TDuty, TEngagementContract, TFindingSeverity, TLocalized, TParty, TProvisionPattern, TRevisionStanding, TServiceModel } from '@bunkai/domain';

/**
 * Everything the annex builder needs, assembled by the caller (the API) from
 * one consistent read. The builder is pure: it never looks anything up.
 */
export type TAnnexInput = {
  engagement: {
    id: string;
    title: string;
    systemName: string;
    serviceModel: TServiceModel;
    provisionPattern: TProvisionPattern;
    hospitalName: string;
    /** 主契約 (契約名・番号・日付・甲乙丙・優先関係・和暦), printed on the cover; absent or null when not recorded. */
    contract?: TEngagementContract | null;
  };
  /** Parties with their contacts; shown in `position` order. */
  parties: readonly TParty[];
  /** Organization name per party id (parties without an organization may be absent). */
  organizationNames: Readonly<Record<string, string>>;
  assets: readonly TAsset[];
  duties: readonly TDuty[];
  cells: readonly TAnnexCell[];
  /** The revision the annex documents; null for a live draft. */
  revision: TAnnexRevision | null;
  signatures: readonly TAnnexSignature[];
  /** Findings still open at build time (normally warnings only once frozen). */
  findings: readonly TAnnexFinding[];
  /** Date the document is generated on, YYYY-MM-DD. */
  generatedOn: string;
  /** Where readers can verify the document (Bunkai's 検証 page). */
  verifyUrl?: string;
};

export type TAnnexCell = Pick<
  TCell,
  'id' | 'dutyId' | 'assetId' | 'status' | 'assignment' | 'terms' | 'notApplicableReason' | 'kickoff'
>;

export type TAnnexRevision = {
  number: number;
  sha256: string | null;
  status: 'draft' | 'frozen' | 'executed';
  frozenAt: string | null;
  /** 版の効力 today (executed and current, superseded by N on D, void, awaiting signatures); printed on the cover. */
  standing?: TRevisionStanding;
};

export type TAnnexSignature = {
  partyId: string;
  signerName: string;
  organizationName: string;
  /** ISO 8601 date-time with offset. */
  signedAt: string;
  /** Hex seal over revision hash, party, signer, time and statement. */
  seal: string;
  revisionSha256: string;
  /** How the signer re-authenticated at signing: 'password' or 'password+totp'. */
  authentication?: string | null;
  /** Client address and user agent recorded at signing (署名証明書). */
  ip?: string;
  userAgent?: string;
};

export type TAnnexFinding = {
  code: string;
  severity: TFindingSeverity;
  message: TLocalized;
};

export type TAnnexOptions = {
  /** Print English sub-labels under the Japanese ones (default true). */
  bilingual?: boolean;
  /** Include the landscape asset × duty matrix as an appendix (default false since format 2; format 1 always had it). */
  includeMatrix?: boolean;
};

/** What the cover calls the document: 署名済 / 署名待ち / 草案. */
export type TAnnexStatus = 'executed' | 'awaiting_signatures' | 'draft';
