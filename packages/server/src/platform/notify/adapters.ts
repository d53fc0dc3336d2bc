import { createTransport } from 'nodemailer';

/** One message to one address or number, already rendered. */
export type OutgoingMessage = { to: string; subject: string; text: string };

export type ChannelAdapter = {
  send(message: OutgoingMessage): Promise<void>;
  /** Releases pooled connections when the loop stops. */
  close?(): Promise<void> | void;
};

/**
 * A failed delivery whose message is safe to store and show to the system administrator: a
 * protocol code or an HTTP status, never the server's own wording, which may quote the address,
 * the URL or the credentials. `permanent` failures will not succeed on retry (the mailbox does
 * not exist) and go dead at once.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  constructor(message: string, options: { permanent?: boolean } = {}) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = options.permanent ?? false;
  }
}

const TOKEN = /^[A-Z][A-Z0-9_]{1,30}$/;
const COMMAND = /^[A-Z][A-Z ]{1,20}$/;

/** E-mail over SMTP. The URL (smtp:// or smtps://, credentials included) stays inside nodemailer. */
export function smtpAdapter(
  smtpUrl: string,
  mailFrom: string,
  options: { timeoutMs?: number } = {},
): ChannelAdapter {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

function smtpFailure(error: unknown): DeliveryError {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const code = typeof e.code === 'string' && TOKEN.test(e.code) ? e.code : 'failed';
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' && COMMAND.test(e.command) ? e.command : undefined;
  const parts = [`smtp: ${code}`, status ? String(status) : '', command ? `at ${command}` : ''];
  // A 5xx answer to RCPT TO is the receiving server saying the mailbox does not exist.
  const permanent = status !== undefined && status >= 500 && command === 'RCPT TO';
  return new DeliveryError(parts.filter(Boolean).join(' '), { permanent });
}

/**
 * A text-message gateway over HTTP: POST JSON `{ to, text }` with a bearer token. Any 2xx is
 * delivered; anything else, a network error or the timeout is a failure to retry.
 */
export function smsGatewayAdapter(
  settings: { url: string; token?: string },
  options: { timeoutMs?: number } = {},
): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(message) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (settings.token) headers.authorization = `Bearer ${settings.token}`;
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        throw fetchFailure(error);
      }
      // The body is not needed, but must be consumed for the connection to be reused.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw new DeliveryError(`sms gateway: HTTP ${response.status}`);
    },
  };
}

function fetchFailure(error: unknown): DeliveryError {
  const e = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new DeliveryError('sms gateway: timed out');
  const code = e.cause?.code;
  if (typeof code === 'string' && TOKEN.test(code))
    return new DeliveryError(`sms gateway: unreachable (${code})`);
  return new DeliveryError('sms gateway: request failed');
}
