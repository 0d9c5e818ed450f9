import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * RFC 3161 time-stamps for the seal (PAdES B-T): the SHA-256 of the CMS
 * signature value is sent to a time-stamping authority, whose token goes into
 * the SignerInfo as the unsigned signature-time-stamp attribute.
 */

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
type Node = forge.asn1.Asn1;

const SHA256 = '2.16.840.1.101.3.4.2.1';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const MAX_RESPONSE = 256 * 1024;

export class TimeStampError extends Error {}

const toDer = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const children = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytesOf = (n: Node | undefined): Buffer => Buffer.from(n && typeof n.value === 'string' ? n.value : '', 'binary');
const parse = (der: Buffer): Node => asn1.fromDer(forge.util.createBuffer(der.toString('binary')));

/** TimeStampReq: version 1, SHA-256 message imprint, a nonce, and the TSA's certificate asked for. */
export const timeStampRequest = (imprint: Buffer, nonce: Buffer): Buffer =>
  toDer(
    asn1.create(U, T.SEQUENCE, true, [
      asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
      asn1.create(U, T.SEQUENCE, true, [
        asn1.create(U, T.SEQUENCE, true, [asn1.create(U, T.OID, false, asn1.oidToDer(SHA256).getBytes()), asn1.create(U, T.NULL, false, '')]),
        asn1.create(U, T.OCTETSTRING, false, imprint.toString('binary')),
      ]),
      asn1.create(U, T.INTEGER, false, nonce.toString('binary')),
      asn1.create(U, T.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );

/** The TSTInfo inside a time-stamp token: its message imprint, nonce and time. */
export const readTimeStampToken = (token: Node): { imprint: Buffer; nonce: Buffer | null; genTime: Date } => {
  const signedData = children(children(token)[1])[0];
  const encap = children(signedData).find((n) => n.type === T.SEQUENCE && children(n).length === 2 && typeof children(n)[0]?.value === 'string' && asn1.derToOid(children(n)[0]!.value as string) === TST_INFO);
  const eContent = bytesOf(children(children(encap)[1])[0]);
  const tst = children(parse(eContent));
  // TSTInfo: version, policy, messageImprint, serialNumber, genTime, [accuracy], [ordering], [nonce], …
  const imprint = bytesOf(children(tst[2])[1]);
  const genTime = asn1.generalizedTimeToDate(String(tst[4]?.value ?? ''));
  const nonce = tst.slice(5).find((n) => n.tagClass === U && n.type === T.INTEGER);
  return { imprint, nonce: nonce ? bytesOf(nonce) : null, genTime };
};

/** Asks the TSA at `url` to time-stamp `signature`; returns the token (a CMS ContentInfo) as ASN.1. */
export const requestTimeStamp = async (url: string, signature: Buffer, timeoutMs = 15_000): Promise<Node> => {
  const imprint = createHash('sha256').update(signature).digest();
  // A positive nonce (high bit clear) of 8 bytes.
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] ?? 0) & 0x7f | 0x01;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: new Uint8Array(timeStampRequest(imprint, nonce)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new TimeStampError(`the time-stamping authority answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_RESPONSE) throw new TimeStampError('the time-stamping authority answered too much');
  const resp = children(parse(body));
  const status = bytesOf(children(resp[0])[0]).readUIntBE(0, 1);
  if (status !== 0 && status !== 1) throw new TimeStampError(`the time-stamping authority refused (PKIStatus ${status})`);
  const token = resp[1];
  if (!token) throw new TimeStampError('the time-stamping authority sent no token');
  const tst = readTimeStampToken(token);
  if (!tst.imprint.equals(imprint) || !tst.nonce?.equals(nonce)) throw new TimeStampError('the time-stamp token is for another request');
  return token;
};
