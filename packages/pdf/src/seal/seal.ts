import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { cadesDetachedSignature } from './cms.ts';
import type { SealIdentity } from './identity.ts';
import { requestTimeStamp } from './timestamp.ts';

export const SEAL_SUB_FILTER = SUBFILTER_ETSI_CADES_DETACHED;

/** @signpdf's signer interface over our CAdES builder. */
class CadesSigner extends Signer {
  constructor(
    private readonly id: SealIdentity,
    private readonly tsaUrl: string | undefined,
  ) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const tsa = this.tsaUrl;
    return cadesDetachedSignature(pdfBuffer, this.id, tsa ? (signature) => requestTimeStamp(tsa, signature) : undefined);
  }
}

export type SealOptions = {
  /** The signature dictionary's /M: the revision's frozen time, so a rebuild gives the same bytes. */
  signingTime: Date;
  reason?: string;
  location?: string;
  /** RFC 3161 time-stamping authority (PAdES B-T). The token makes every build's bytes differ. */
  tsaUrl?: string;
};

/**
 * Seals a finished PDF with the platform's certificate: an incremental update
 * adds an invisible signature field (ETSI.CAdES.detached, PAdES B-B) whose
 * /ByteRange covers the whole file but the signature itself.
 */
export const sealPdf = async (pdf: Buffer, id: SealIdentity, opts: SealOptions): Promise<Buffer> =>
  new SignPdf().sign(withPlaceholder(pdf, id.subject, opts), new CadesSigner(id, opts.tsaUrl), opts.signingTime);

/** The signature dictionary (no signature value yet); it names the signer by its certificate's subject. */
const withPlaceholder = (pdf: Buffer, subject: string, opts: SealOptions): Buffer =>
  plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: opts.reason ?? 'Bunkai: 責任分界合意書 別紙の封印 (platform seal of the SLA annex)',
    contactInfo: '',
    name: subject,
    location: opts.location ?? 'Bunkai',
    signingTime: opts.signingTime,
    subFilter: SEAL_SUB_FILTER,
    signatureLength: 16_384,
    appName: 'Bunkai',
  });

/** Records the digest of what a seal would cover, and signs nothing. */
class DigestOnly extends Signer {
  digest = '';
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    this.digest = createHash('sha256').update(pdfBuffer).digest('hex');
    return Buffer.alloc(0);
  }
}

/**
 * The SHA-256 of the bytes a seal by the certificate named `subject` would cover (its /ByteRange, everything but
 * the signature value) — what verifyPdf reports as `signedSha256`. Needs no private key: 検証 uses it for PDFs
 * sealed by an earlier certificate of the platform, whose key the server may no longer hold.
 */
export const sealedRangeSha256 = async (pdf: Buffer, subject: string, opts: SealOptions): Promise<string> => {
  const signer = new DigestOnly();
  await new SignPdf().sign(withPlaceholder(pdf, subject, opts), signer, opts.signingTime);
  return signer.digest;
};
