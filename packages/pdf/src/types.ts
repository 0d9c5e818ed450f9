/** What the PDF prints beyond the format-neutral annex input. */

/** How one signature was made, as recorded at signing (keyed by its seal in TPdfAnnexExtras). */
export type TSignatureEvidence = {
  /** e.g. 「パスワード＋TOTP」; null when the signature row does not record it. */
  authentication: string | null;
  ip: string;
  userAgent: string;
};

/** The platform seal's certificate, as printed on the signing certificate page. */
export type TSealDescription = { subject: string; fingerprint: string; subFilter: string };

export type TPdfAnnexExtras = {
  /** Seal (hex) → what was recorded when that signature was made. */
  evidence?: Readonly<Record<string, TSignatureEvidence>>;
  seal?: TSealDescription;
};
