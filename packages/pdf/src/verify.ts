import { createHash, createVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { PDF_INFO_KEYS } from './render.ts';
import { OID } from './seal/cms.ts';
import { readTimeStampToken } from './seal/timestamp.ts';

/**
 * Reads back a sealed PDF annex: the revision hash from the signed document
 * information and the platform seal, checked cryptographically (the digest of
 * the /ByteRange against the CMS message-digest attribute, the RSA signature
 * over the signed attributes, the signer certificate against the platform's).
 * Bounded: a size cap, regular expressions without nested repetition over the
 * raw bytes, and ASN.1 parsing of the /Contents value only.
 */

export type PdfVerification = {
  /** From the document information inside the signed bytes; null when absent. */
  revisionSha256: string | null;
  /** Digest matches, signature verifies and the certificate is one of the platform's. */
  sealValid: boolean;
  /** Bytes changed or appended after sealing (or no seal at all to tell). */
  modified: boolean;
  /** Why the seal is not valid, when it is not. */
  problem: 'no_signature' | 'appended_after_seal' | 'bad_byte_range' | 'digest_mismatch' | 'bad_signature' | 'unknown_certificate' | 'malformed_signature' | 'bad_timestamp' | null;
  /** SHA-256 fingerprint of the certificate that signed, when one was found. */
  signerFingerprint: string | null;
  /** That certificate's subject (「CN=…, O=…」, as the signing certificate page prints it) and its DER. */
  signer: { subject: string; certificateDer: Uint8Array } | null;
  /** The annex format recorded in the signed document information (BunkaiAnnexFormat), e.g. bunkai-annex-pdf/2. */
  format: string | null;
  /** Since format 2: the SHA-256 of the data the annex was built from (BunkaiSourceSha256). */
  sourceSha256: string | null;
  /**
   * Hex SHA-256 of the bytes the seal covers (/ByteRange), when its ranges are sound: two files with the same value
   * hold the same document, whatever their signature or time-stamp (the /Contents value, outside the range).
   */
  signedSha256: string | null;
  /** The RFC 3161 time-stamp on the seal (PAdES B-T), checked against the seal's signature; the TSA itself is not judged. */
  timeStamp: { time: string; tsaFingerprint: string } | null;
};

export type VerifyPdfOptions = {
  /** DER certificates whose signatures count as the platform's seal. */
  trustedCertificates: readonly Buffer[];
  /** Larger input is refused outright (default 64 MiB). */
  maxBytes?: number;
};

export class NotAPdfError extends Error {}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;
const SHA256_VALUE = '[0-9a-f]{64}';
const FORMAT_VALUE = 'bunkai-annex-pdf/[0-9]{1,4}';

type Node = forge.asn1.Asn1;
const children = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytesOf = (n: Node | undefined): Buffer => Buffer.from(n && typeof n.value === 'string' ? n.value : '', 'binary');
const oidOf = (n: Node | undefined): string => (n && typeof n.value === 'string' ? forge.asn1.derToOid(n.value) : '');

const lastMatch = (re: RegExp, text: string, limit: number): RegExpExecArray | null => {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) last = m;
  return last;
};

const CONTEXT = forge.asn1.Class.CONTEXT_SPECIFIC;
const der = (n: Node): Buffer => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');
const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** Certificates, signed attributes, signature, unsigned attributes and encapsulated content of a CMS SignedData (first signer). */
const readSignedData = (contentInfo: Node) => {
  if (oidOf(children(contentInfo)[0]) !== OID.signedData) throw new Error('not a SignedData');
  const parts = children(children(children(contentInfo)[1])[0]);
  const certificates = parts.find((p) => p.tagClass === CONTEXT && p.type === 0);
  const si = children(children(parts.at(-1))[0]);
  const signedAttrs = si.find((p) => p.tagClass === CONTEXT && p.type === 0);
  const unsignedAttrs = si.find((p) => p.tagClass === CONTEXT && p.type === 1);
  const signature = bytesOf([...si].reverse().find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING));
  if (!signedAttrs || signature.length === 0) throw new Error('no signed attributes');
  const attr = (set: Node | undefined, oid: string): Node | undefined => {
    const found = children(set).find((a) => oidOf(children(a)[0]) === oid);
    return children(children(found)[1])[0];
  };
  // What was signed: the attributes re-encoded as a SET (tag 0x31 instead of [0]).
  const attrsDer = der(signedAttrs);
  attrsDer[0] = 0x31;
  const encap = parts.find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.SEQUENCE && children(p).length <= 2 && p !== parts.at(-1));
  return {
    certs: children(certificates).map(der),
    messageDigest: bytesOf(attr(signedAttrs, OID.messageDigest)),
    attrsDer,
    signature,
    unsigned: (oid: string) => attr(unsignedAttrs, oid),
    eContent: bytesOf(children(children(encap)[1])[0]),
  };
};
type SignedData = ReturnType<typeof readSignedData>;

/** The certificate (of those embedded) whose key made the signature over the signed attributes. */
const signerOf = (cms: SignedData): Buffer | undefined =>
  cms.certs.find((cert) => {
    try {
      return createVerify('sha256').update(cms.attrsDer).verify(new X509Certificate(cert).publicKey, cms.signature);
    } catch {
      return false;
    }
  });

/** An RFC 3161 token over the signature value: its imprint, its own signature over the TSTInfo, and its time. */
const checkTimeStamp = (token: Node, signature: Buffer): { time: string; tsaFingerprint: string } | null => {
  try {
    const ts = readSignedData(token);
    const info = readTimeStampToken(token);
    const tsa = signerOf(ts);
    if (!tsa || !info.imprint.equals(sha256(signature)) || !sha256(ts.eContent).equals(ts.messageDigest)) return null;
    return { time: info.genTime.toISOString(), tsaFingerprint: sha256(tsa).toString('hex') };
  } catch {
    return null;
  }
};

/**
 * A value of the document information, looking only below `limit` (the signed part). pdfkit writes each value as an
 * indirect object: `/BunkaiRevisionSha256 35 0 R` … `35 0 obj (…) endobj`. `value` has no nested repetition.
 */
const infoValueOf = (text: string, key: string, value: string, limit: number): string | null => {
  const entry = lastMatch(new RegExp(`/${key}\\s*(?:\\((${value})\\)|(\\d{1,9})\\s+0\\s+R)`, 'g'), text, limit);
  if (!entry) return null;
  if (entry[1]) return entry[1];
  const object = lastMatch(new RegExp(`[\\r\\n]${entry[2]}\\s+0\\s+obj\\s*\\((${value})\\)`, 'g'), text, limit);
  return object?.[1] ?? null;
};
const revisionHashOf = (text: string, limit: number): string | null => infoValueOf(text, PDF_INFO_KEYS.revisionSha256, SHA256_VALUE, limit);

/** The subject as identity.ts prints it (「CN=…, O=…」), read from the signer's certificate. */
const subjectOf = (certificateDer: Buffer): string => {
  try {
    const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificateDer.toString('binary')));
    return cert.subject.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(', ');
  } catch {
    // forge reads RSA certificates only; any other still gets its fingerprint.
    return new X509Certificate(certificateDer).subject.replace(/\n/g, ', ');
  }
};

export const verifyPdf = (bytes: Buffer, opts: VerifyPdfOptions): PdfVerification => {
  const max = opts.maxBytes ?? 64 * 1024 * 1024;
  if (bytes.length > max) throw new NotAPdfError(`the PDF is larger than ${max} bytes`);
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new NotAPdfError('not a PDF (no %PDF- header)');
  const text = bytes.toString('latin1');
  const result = (r: Partial<PdfVerification> & Pick<PdfVerification, 'problem'>): PdfVerification => ({
    revisionSha256: null,
    sealValid: false,
    modified: true,
    signerFingerprint: null,
    signer: null,
    signedSha256: null,
    timeStamp: null,
    format: null,
    sourceSha256: null,
    ...r,
  });

  const recorded = (limit: number) => ({
    revisionSha256: revisionHashOf(text, limit),
    format: infoValueOf(text, PDF_INFO_KEYS.format, FORMAT_VALUE, limit),
    sourceSha256: infoValueOf(text, PDF_INFO_KEYS.sourceSha256, SHA256_VALUE, limit),
  });
  const range = lastMatch(BYTE_RANGE, text, text.length);
  if (!range) return result({ ...recorded(text.length), problem: 'no_signature' });
  const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number];
  // Only what the seal covers counts: the first range, which holds the whole document as rendered.
  const { revisionSha256, format, sourceSha256 } = recorded(b);
  const sane = a === 0 && b > 0 && c > b + 2 && c + d <= bytes.length && text[b] === '<' && text[c - 1] === '>';
  if (!sane) return result({ revisionSha256, problem: 'bad_byte_range' });
  const covered = c + d === bytes.length;
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9A-Fa-f]*$/.test(hex)) return result({ revisionSha256, problem: 'malformed_signature' });

  let cms: SignedData;
  try {
    // The placeholder's zero padding follows the DER: parse the first element only (forge's typings know only the boolean form).
    const options = { parseAllBytes: false, strict: true, decodeBitStrings: false } as unknown as boolean;
    cms = readSignedData(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), options));
  } catch {
    return result({ revisionSha256, problem: 'malformed_signature' });
  }
  const digest = createHash('sha256').update(bytes.subarray(a, a + b)).update(bytes.subarray(c, c + d)).digest();
  const signedSha256 = digest.toString('hex');
  if (!digest.equals(cms.messageDigest)) return result({ revisionSha256, signedSha256, problem: 'digest_mismatch' });

  const signer = signerOf(cms);
  if (!signer) return result({ revisionSha256, signedSha256, modified: !covered, problem: 'bad_signature' });
  const signerFingerprint = sha256(signer).toString('hex');
  const token = cms.unsigned(OID.signatureTimeStampToken);
  const timeStamp = token ? checkTimeStamp(token, cms.signature) : null;
  if (token && !timeStamp) return result({ revisionSha256, signedSha256, modified: !covered, signerFingerprint, problem: 'bad_timestamp' });
  const trusted = opts.trustedCertificates.some((t) => t.equals(signer));
  return result({
    revisionSha256,
    format,
    sourceSha256,
    sealValid: trusted && covered,
    modified: !covered,
    signerFingerprint,
    signer: { subject: subjectOf(signer), certificateDer: new Uint8Array(signer) },
    signedSha256,
    timeStamp,
    problem: !trusted ? 'unknown_certificate' : covered ? null : 'appended_after_seal',
  });
};
