import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/platform/db/database.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import type { NotifyDeps, NotifyLogger } from '../../src/platform/notify/dispatch.ts';
import { enqueueNotification, type NotificationInput } from '../../src/platform/notify/enqueue.ts';
import type { NotificationTemplates } from '../../src/platform/notify/templates.ts';
import type { PlatformServices } from '../../src/platform/services.ts';

export const DEMO_MOBILE = '13800138000';

export const templates: NotificationTemplates = {
  'case.due_soon': {
    zh: (p) => ({
      subject: `办件即将到期：${p.trackingNumber}`,
      text: `您的办件 ${p.trackingNumber}（${p.title}）将于 ${p.dueAt} 到期。`,
    }),
    en: (p) => ({
      subject: `Due soon: ${p.trackingNumber}`,
      text: `Case ${p.trackingNumber} is due ${p.dueAt}.`,
    }),
  },
  'test.numbered': { zh: (p) => ({ subject: '编号', text: `第 ${p.n} 条` }) },
};

export async function citizenId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function enqueue(db: Db, input: NotificationInput) {
  return inTransaction(db, {}, (tx) => enqueueNotification(tx, input));
}

/** Every log call, as the JSON a log line would carry: what tests search for leaked secrets. */
export function capturingLogger(): NotifyLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (details: Record<string, unknown>, message: string) => {
    lines.push(JSON.stringify({ level, ...details, message }));
  };
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export function depsFor(s: PlatformServices, overrides: Partial<NotifyDeps> = {}): NotifyDeps {
  return { cipher: s.cipher, templates, adapters: {}, maxAttempts: 3, random: () => 0.5, ...overrides };
}

export type GatewayRequest = { headers: http.IncomingHttpHeaders; body: { to: string; text: string } };

/** A text-message gateway on a free port: records each request and answers `status` (or hangs). */
export async function fakeGateway(options: { status?: number; delayMs?: number; hang?: boolean } = {}) {
  const requests: GatewayRequest[] = [];
  const state = { status: options.status ?? 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      if (options.hang) return;
      setTimeout(() => {
        res.writeHead(state.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: state.status < 300 }));
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server on a free port that wants a user name and password, and keeps what it gets. */
export async function fakeSmtp(
  credentials: { user: string; pass: string },
  options: { rejectRcpt?: boolean } = {},
) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Authentication failed'));
      }
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRcpt) return callback();
      const error = new Error('mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    url: (user: string, pass: string) =>
      `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a single-part message, whichever transfer encoding nodemailer chose. */
export function decodeBody(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return { headers, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return { headers, text: Buffer.from(bytes, 'latin1').toString('utf8') };
  }
  return { headers, text: body };
}

/** An RFC 2047 header as text (nodemailer encodes non-ASCII subjects). */
export function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

export async function rowsOf(db: Db, recipientUserId: string) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('recipient_user_id', '=', recipientUserId)
    .orderBy('created_at')
    .execute();
}
