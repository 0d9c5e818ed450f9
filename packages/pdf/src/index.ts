export { documentDate, PDF_ANNEX_FORMAT, PDF_INFO_KEYS, renderAnnexPdf, XMP_NAMESPACE } from './render.ts';
export type { TPdfAnnexExtras, TSealDescription, TSignatureEvidence } from './types.ts';
export { generateSelfSignedSealIdentity, SealIdentityError, sealIdentityFromP12, sealIdentityFromPem, sealIdentityToPem, type SealIdentity } from './seal/identity.ts';
export { SEAL_SUB_FILTER, sealPdf, type SealOptions } from './seal/seal.ts';
export { TimeStampError } from './seal/timestamp.ts';
export { NotAPdfError, verifyPdf, type PdfVerification, type VerifyPdfOptions } from './verify.ts';
export { buildAnnexPdf, type SealedAnnexOptions } from './sealed-annex.ts';
