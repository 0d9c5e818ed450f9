import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server), parsing what it is given
 * with mailparser. `refuseNext(n)` makes the next n recipients fail with 451 (a
 * temporary error), as a mail server under load would.
 */
export const startSmtp = async () => {
  const messages: ParsedMail[] = [];
  let refuse = 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      attempts++;
      if (refuse > 0) {
        refuse--;
        const err = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
        callback(err);
        return;
      }
      callback();
    },
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((m) => {
          messages.push(m);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts: () => attempts,
    refuseNext: (n: number) => void (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
export type SmtpReceiver = Awaited<ReturnType<typeof startSmtp>>;
