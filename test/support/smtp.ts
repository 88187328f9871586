import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as received, with quoted-printable soft line breaks and escapes undone (good enough to search). */
  raw: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Errors of client connections (resets by a killed client), kept rather than thrown. */
  connectionErrors: Error[];
  /** Messages addressed to `address`. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

const unQp = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

/** A real SMTP server on 127.0.0.1 (random port) that keeps every message; rejects recipients matching `reject`. */
export async function startSmtpSink(opts: { reject?: RegExp } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const connectionErrors: Error[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.reject?.test(address.address)) cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((a) => a.address),
          raw: unQp(Buffer.concat(chunks).toString('utf8')),
        });
        cb();
      });
    },
  });
  // A client that dies mid-session (a worker killed on purpose) resets its socket: smtp-server reports
  // that as an 'error' event, which would crash the test process without a listener. Keep them instead.
  server.on('error', (err: Error) => connectionErrors.push(err));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connectionErrors,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
