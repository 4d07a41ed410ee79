import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the sink took, and when (Date.now()) it took it. */
export type ReceivedMail = { from: string; to: string[]; raw: string; parsed: ParsedMail; receivedAt: number };

/**
 * A real SMTP server on a free loopback port (or `port`) that keeps what it receives, and hands each mail to
 * `onMail` as well (the e2e tests' sink writes them where test workers can read them). `refuse()` makes it answer
 * every new mail with a temporary failure, as a mail server that is down for maintenance does, until `accept()`:
 * unlike closing it, that never cuts a mail off half-way, which a sender would rightly send again.
 */
export async function startSmtpSink(port = 0, onMail?: (mail: ReceivedMail) => void) {
  const received: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The site's mailer keeps pooled connections open (lib/mail/worker.ts): at close, end them after a moment
    // rather than the 30 s smtp-server waits by default.
    closeTimeout: 200,
    onMailFrom(_address, _session, callback) {
      if (!refusing) return callback();
      callback(Object.assign(new Error('Mail is not taken for a while: try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: raw.toString('utf8'),
          parsed: await simpleParser(raw),
          receivedAt: Date.now(),
        };
        received.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    received,
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    refuse: () => void (refusing = true),
    accept: () => void (refusing = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
