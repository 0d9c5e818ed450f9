import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateSelfSignedSealIdentity, type SealIdentity, sealIdentityFromP12, sealIdentityFromPem, sealIdentityToPem } from '@bunkai/pdf';
import type { Config } from '../../../config.ts';
import type { SealCertificateRecord } from './seal-certificates.ts';

export type SealConfig = Pick<Config, 'dataDir' | 'signingP12Path' | 'signingP12Passphrase'> & Partial<Pick<Config, 'signingPreviousCertificatesPath'>>;

/** Where the embedded default keeps its generated seal (beside the data directory, like the development JWT secret). */
export const selfSignedSealFile = (dataDir: string): string => resolve(dataDir, '..', 'pdf-seal.pem');

/**
 * The self-signed seal of this installation: read when it exists, else
 * generated and stored (mode 0600). Created through a hard link so that two
 * processes starting at once keep one certificate: the loser reads the winner's.
 */
const selfSigned = (dataDir: string): SealIdentity => {
  const file = selfSignedSealFile(dataDir);
  if (existsSync(file)) return sealIdentityFromPem(readFileSync(file, 'utf8'));
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, sealIdentityToPem(generateSelfSignedSealIdentity()), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
  return sealIdentityFromPem(readFileSync(file, 'utf8'));
};

/**
 * The platform's seal identity. A configured PKCS#12 file is read at once, so
 * a wrong path or passphrase stops the server at boot; the self-signed default
 * is loaded (or generated) on first use. Either way its certificate joins the
 * record of seal certificates (seal-certificates.ts) before it seals anything.
 */
export const createSealIdentitySource = (config: SealConfig, record?: SealCertificateRecord): (() => SealIdentity) => {
  if (config.signingP12Path) {
    const identity = sealIdentityFromP12(readFileSync(config.signingP12Path), config.signingP12Passphrase);
    record?.remember(identity);
    return () => identity;
  }
  let identity: SealIdentity | null = null;
  return () => {
    if (identity) return identity;
    identity = selfSigned(config.dataDir);
    record?.remember(identity);
    return identity;
  };
};
