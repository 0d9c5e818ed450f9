import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { certificatesFromPem, certificateToPem, describeCertificate, type SealIdentity } from '@bunkai/pdf';

/**
 * The record of every certificate the platform has sealed PDF annexes with (封印証明書の履歴). 検証 accepts a seal by
 * any of them, so a PDF sealed before a certificate rotation still verifies; the record is what makes a
 * certificate "one of the platform's". Kept beside DATA_DIR (like the self-signed seal), appended when a seal
 * identity is first used, and completed by SIGNING_PREVIOUS_CERTIFICATES_PATH (a PEM bundle the operator keeps).
 */

export type KnownSealCertificate = { der: Buffer; subject: string; fingerprint: string; current: boolean };

export const sealCertificatesFile = (dataDir: string): string => resolve(dataDir, '..', 'pdf-seal-certificates.pem');

const readBundle = (file: string): Buffer[] => certificatesFromPem(readFileSync(file, 'utf8'));

export type SealCertificateRecord = {
  /** Adds the identity's certificate to the record when it is not there yet (idempotent). */
  remember: (identity: SealIdentity) => void;
  /** The current certificate first, then every earlier one recorded or configured. */
  known: (current: SealIdentity) => KnownSealCertificate[];
};

export const createSealCertificateRecord = (opts: { dataDir: string; previousCertificatesPath?: string | undefined }): SealCertificateRecord => {
  const file = sealCertificatesFile(opts.dataDir);
  // A configured bundle is read at boot: a wrong path stops the server, as a wrong SIGNING_P12_PATH does.
  const configured = opts.previousCertificatesPath ? readBundle(opts.previousCertificatesPath) : [];
  const recorded = (): Buffer[] => (existsSync(file) ? readBundle(file) : []);
  return {
    remember: (identity) => {
      if (recorded().some((der) => der.equals(identity.certificateDer))) return;
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, certificateToPem(identity.certificateDer), { mode: 0o644 });
    },
    known: (current) => {
      const out: KnownSealCertificate[] = [{ der: current.certificateDer, subject: current.subject, fingerprint: current.fingerprint, current: true }];
      for (const der of [...recorded(), ...configured]) {
        if (out.some((c) => c.der.equals(der))) continue;
        out.push({ der, ...describeCertificate(der), current: false });
      }
      return out;
    },
  };
};
