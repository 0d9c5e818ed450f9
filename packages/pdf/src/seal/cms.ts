import { createHash, createSign } from 'node:crypto';
import forge from 'node-forge';
import type { SealIdentity } from './identity.ts';

/**
 * A CAdES-BES detached signature (CMS SignedData) over the PDF's byte ranges,
 * as PAdES baseline B-B (ETSI EN 319 142-1) asks: signed attributes
 * content-type, message-digest and signing-certificate-v2, no signing-time
 * attribute (the time is the signature dictionary's /M). Built with node-forge's
 * ASN.1 encoder (its PKCS#7 signer cannot add signing-certificate-v2) and
 * signed with node:crypto. RSA PKCS#1 v1.5 is deterministic, so the same
 * document and key give the same signature.
 */

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

type Node = forge.asn1.Asn1;
const oid = (o: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const seq = (v: Node[]): Node => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Node[]): Node => asn1.create(U, T.SET, true, v);
const nul = (): Node => asn1.create(U, T.NULL, false, '');
const octets = (b: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'));
const int = (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const toDer = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const fromDer = (b: Buffer): Node => asn1.fromDer(b.toString('binary'));
const attribute = (type: string, value: Node): Node => seq([oid(type), set([value])]);
const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** issuer and serialNumber, copied from the certificate's own DER (tbsCertificate fields). */
const issuerAndSerial = (certificateDer: Buffer): Node => {
  const tbs = (fromDer(certificateDer).value as Node[])[0]!;
  const fields = tbs.value as Node[];
  // v3 certificates start with the [0] version field.
  const at = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([fields[at + 2]!, fields[at]!]);
};

/** DER SET OF: members sorted by their encodings. */
const derSet = (members: Node[]): Buffer[] => members.map(toDer).sort(Buffer.compare);

/**
 * The detached CMS signature of `content` (the PDF without its /Contents value).
 * `timeStamp`, when given, turns the signature value into an RFC 3161 token
 * (PAdES B-T), added as an unsigned attribute.
 */
export const cadesDetachedSignature = async (content: Buffer, id: SealIdentity, timeStamp?: (signature: Buffer) => Promise<Node>): Promise<Buffer> => {
  const essCertIdV2 = seq([octets(sha256(id.certificateDer))]);
  const attrs = derSet([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(sha256(content))),
    attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])),
  ]);
  // The signature covers the attributes encoded as a SET (tag 0x31); in SignerInfo they are [0] IMPLICIT.
  const signedAttrsSet = toDer(asn1.create(U, T.SET, true, attrs.map(fromDer)));
  const signature = createSign('sha256').update(signedAttrsSet).sign(id.keyPem);
  const signedAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs.map(fromDer));
  const signerInfo = seq([
    int(1),
    issuerAndSerial(id.certificateDer),
    seq([oid(OID.sha256), nul()]),
    signedAttrs,
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
    ...(timeStamp ? [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [attribute(OID.signatureTimeStampToken, await timeStamp(signature))])] : []),
  ]);
  const signedData = seq([
    int(1),
    set([seq([oid(OID.sha256), nul()])]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [id.certificateDer, ...id.chainDer].map(fromDer)),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
};
