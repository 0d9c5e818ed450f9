import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * The platform's seal identity (封印用の証明書と鍵): a PKCS#12 file configured
 * in production, or a self-signed certificate generated on first start for
 * the embedded default. Everything the signer and the verifier need.
 */
export type SealIdentity = {
  /** PKCS#8 PEM private key (node:crypto signs with it). */
  keyPem: string;
  /** DER of the signing certificate. */
  certificateDer: Buffer;
  /** Certificates of the chain above it (DER), embedded in the signature. */
  chainDer: Buffer[];
  subject: string;
  /** SHA-256 of the certificate DER, lower-case hex. */
  fingerprint: string;
};

const der = (cert: forge.pki.Certificate): Buffer => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

const subjectOf = (cert: forge.pki.Certificate): string =>
  cert.subject.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(', ');

const identity = (key: forge.pki.PrivateKey, cert: forge.pki.Certificate, chain: forge.pki.Certificate[]): SealIdentity => {
  const certificateDer = der(cert);
  return {
    keyPem: forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))),
    certificateDer,
    chainDer: chain.map(der),
    subject: subjectOf(cert),
    fingerprint: createHash('sha256').update(certificateDer).digest('hex'),
  };
};

// PKCS#12 bag types (RFC 7292).
const OIDS = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3' } as const;

export class SealIdentityError extends Error {}

/** Reads a PKCS#12 (.p12/.pfx) file: the key and the certificate whose public key matches it, plus the rest as chain. */
export const sealIdentityFromP12 = (p12: Buffer, passphrase: string): SealIdentity => {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  } catch (error) {
    throw new SealIdentityError(`the PKCS#12 file cannot be read (wrong passphrase?): ${error instanceof Error ? error.message : String(error)}`);
  }
  const bags = (type: string): forge.pkcs12.Bag[] => pfx.getBags({ bagType: type })[type] ?? [];
  const key = (bags(OIDS.shroudedKey)[0] ?? bags(OIDS.key)[0])?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SealIdentityError('the PKCS#12 file holds no private key');
  const certs = bags(OIDS.cert).flatMap((b) => (b.cert ? [b.cert] : []));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!own) throw new SealIdentityError('the PKCS#12 file holds no certificate matching its (RSA) private key');
  return identity(key, own, certs.filter((c) => c !== own));
};

/** PEM form of an identity, as the embedded default stores it (key and certificate in one file, mode 0600). */
export const sealIdentityToPem = (id: SealIdentity): string =>
  `${id.keyPem.trim()}\n${forge.pki.certificateToPem(forge.pki.certificateFromAsn1(forge.asn1.fromDer(id.certificateDer.toString('binary')))).trim()}\n`;

/** Reads the key and certificate blocks of a PEM file (forge's own readers look at the first block only). */
export const sealIdentityFromPem = (pem: string): SealIdentity => {
  const blocks = forge.pem.decode(pem);
  const keyBlock = blocks.find((b) => b.type === 'PRIVATE KEY' || b.type === 'RSA PRIVATE KEY');
  const certBlock = blocks.find((b) => b.type === 'CERTIFICATE');
  if (!keyBlock || !certBlock) throw new SealIdentityError('the seal PEM file needs a private key and a certificate');
  const key = forge.pki.privateKeyFromPem(forge.pem.encode(keyBlock));
  const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(certBlock.body));
  return identity(key, cert, []);
};

/**
 * A self-signed seal certificate (RSA 3072, SHA-256, ten years): what the
 * embedded default signs with. Readers' PDF software reports the signature
 * intact but the signer untrusted, which is honest for a self-hosted platform;
 * production configures a certificate from a CA instead.
 */
export const generateSelfSignedSealIdentity = (opts: { commonName?: string; organization?: string; now?: Date } = {}): SealIdentity => {
  const now = opts.now ?? new Date();
  const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Positive, 16 bytes, random: unique per installation.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(Date.UTC(now.getUTCFullYear() + 10, now.getUTCMonth(), now.getUTCDate()));
  const name = [
    { shortName: 'CN', value: opts.commonName ?? 'Bunkai document seal (self-signed)' },
    { shortName: 'O', value: opts.organization ?? 'Bunkai' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return identity(key, cert, []);
};

/** The certificates (DER) of a PEM bundle; other blocks are ignored. */
export const certificatesFromPem = (pem: string): Buffer[] =>
  forge.pem
    .decode(pem)
    .filter((b) => b.type === 'CERTIFICATE')
    .map((b) => Buffer.from(b.body, 'binary'));

/** PEM of one certificate. */
export const certificateToPem = (certificateDer: Buffer): string => forge.pki.certificateToPem(forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificateDer.toString('binary'))));

/** Subject and SHA-256 fingerprint of a certificate, written as the signing certificate page prints them. */
export const describeCertificate = (certificateDer: Buffer): { subject: string; fingerprint: string } => ({
  subject: subjectOf(forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificateDer.toString('binary')))),
  fingerprint: createHash('sha256').update(certificateDer).digest('hex'),
});
