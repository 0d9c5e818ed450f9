import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { validationError } from '@bunkai/domain';

/**
 * Server-side request forgery guard (SSRF). A webhook URL is resolved and every
 * address must be public unicast; loopback, link-local (169.254.x: cloud metadata),
 * private, unique-local, CGNAT, multicast and reserved ranges are refused unless
 * WEBHOOK_ALLOW_PRIVATE is set. The check runs at creation and again at every
 * delivery, and the delivery connects to the very address that was checked, so a
 * DNS answer that changes in between (DNS rebinding) cannot redirect it.
 */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
};

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 };

const refused = (message: string) => validationError('webhook_target_refused', message);

/** Parses and resolves a target; throws 400 `webhook_target_refused` when it may not be called. */
export const resolveTarget = async (raw: string, allowPrivate: boolean): Promise<ResolvedTarget> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationError('invalid_url', `Not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw validationError('invalid_url', 'A webhook URL must use https:// (or http://).');
  if (url.username || url.password) throw validationError('invalid_url', 'A webhook URL must not carry credentials; the signature authenticates the sender.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw refused(`The webhook host ${host} does not resolve.`);
  }
  if (!addresses.length) throw refused(`The webhook host ${host} does not resolve.`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) throw refused(`The webhook host ${host} resolves to ${bad.address}, a loopback, link-local or private address; set WEBHOOK_ALLOW_PRIVATE=true to allow it.`);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
};

/** `Bunkai-Signature: <timestamp>.<hex>` with hex = HMAC-SHA256(secret, `<timestamp>.<body>`), timestamp in Unix seconds. */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `${timestamp}.${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;

export type PostResult = { status: number; body: string };

/** POSTs to the checked address only (TLS still verifies the URL's host name); never follows redirects. */
export const postPinned = (target: ResolvedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    const req = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Bunkai-Webhooks/1', ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // Only the start of the answer is kept for the delivery log.
          if (size < 2048) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 2048) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
