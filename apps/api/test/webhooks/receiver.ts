import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { event: string; delivery: string; signature: string; body: string; json: { id: string; type: string; event: { seq: number } | null }; validSignature: boolean; answered: number };

/** The receiver's side of the signature check, as docs/notifications.md describes it. */
export const verifySignature = (secret: string, header: string, body: string): boolean => {
  const dot = header.indexOf('.');
  if (dot < 1) return false;
  const timestamp = header.slice(0, dot);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
  const given = Buffer.from(header.slice(dot + 1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** A real HTTP endpoint on 127.0.0.1 that records every POST and answers the queued status codes (then 200). */
export const startReceiver = async () => {
  const received: Received[] = [];
  const answers: number[] = [];
  let secret = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['bunkai-signature'] ?? '');
      const answered = answers.shift() ?? 200;
      received.push({
        event: String(req.headers['bunkai-event']),
        delivery: String(req.headers['bunkai-delivery']),
        signature,
        body,
        json: JSON.parse(body) as Received['json'],
        validSignature: verifySignature(secret, signature, body),
        answered,
      });
      res.statusCode = answered;
      res.end(answered === 200 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/bunkai`,
    received,
    setSecret: (s: string) => void (secret = s),
    answerNext: (...statuses: number[]) => void answers.push(...statuses),
    /** Deliveries answered 2xx, by delivery id. */
    accepted: () => received.filter((r) => r.answered < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
