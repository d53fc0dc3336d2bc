import type { Updateable } from 'kysely';
import type { Config } from '../../config.ts';
import { runEvery } from '../audit/schedule.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { NotificationChannel, NotificationParams, NotificationStatus } from '../db/tables/notify.ts';
import type { PlatformServices } from '../services.ts';
import { type ChannelAdapter, DeliveryError, smsGatewayAdapter, smtpAdapter } from './adapters.ts';
import { backoffMs } from './backoff.ts';
import { destinationFor } from './contacts.ts';
import { emailBody, type NotificationTemplates, renderNotification, smsBody } from './templates.ts';

type LogFn = (details: Record<string, unknown>, message: string) => void;
export type NotifyLogger = { info: LogFn; warn: LogFn; error: LogFn };

export type NotifyDeps = {
  cipher: FieldCipher;
  templates: NotificationTemplates;
  /** A channel without an adapter is not configured: its rows are marked 'skipped'. */
  adapters: Partial<Record<NotificationChannel, ChannelAdapter>>;
  maxAttempts: number;
  /** Where people open the platform; a notification's link is appended to e-mails under it. */
  publicUrl?: string;
  batchSize?: number;
  /**
   * How long a claimed row is left alone by other dispatchers. Longer than any adapter's
   * timeout, so a row is delivered twice only if its process died in the middle of sending.
   */
  leaseMs?: number;
  random?: () => number;
  logger?: NotifyLogger;
};

/** The dispatcher's dependencies from the settings: an adapter for each configured channel. */
export function notifyDepsFrom(
  config: Pick<Config, 'notify' | 'cases'>,
  services: Pick<PlatformServices, 'cipher'>,
  options: { templates?: NotificationTemplates; logger?: NotifyLogger } = {},
): NotifyDeps {
  const { notify } = config;
  const adapters: NotifyDeps['adapters'] = {};
  if (notify.smtpUrl) adapters.email = smtpAdapter(notify.smtpUrl, notify.mailFrom);
  if (notify.sms) adapters.sms = smsGatewayAdapter(notify.sms);
  return {
    cipher: services.cipher,
    templates: options.templates ?? {},
    adapters,
    maxAttempts: notify.maxAttempts,
    publicUrl: config.cases.publicUrl,
    logger: options.logger,
  };
}

export type DeliveryReport = {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
  skipped: number;
};

type Claimed = {
  id: string;
  recipient_user_id: string;
  channel: NotificationChannel;
  code: string;
  params: NotificationParams;
  link: string | null;
  attempts: number;
};

type NotificationUpdate = Updateable<Database['notification']>;

type Outcome =
  | { status: 'sent' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; permanent: boolean };

/**
 * Delivers one batch of due rows. Any number of processes may run this at once: the claim takes
 * only rows no other transaction has locked (`FOR UPDATE SKIP LOCKED`) and moves them out of
 * reach for the lease before anything is sent, so the sending itself holds no transaction open.
 */
export async function deliverDueNotifications(
  db: Db,
  deps: NotifyDeps,
  now: Date = new Date(),
): Promise<DeliveryReport> {
  const claimed = await claimDue(db, now, deps.batchSize ?? 20, deps.leaseMs ?? 5 * 60_000);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, dead: 0, skipped: 0 };
  const settled = await Promise.all(
    claimed.map(async (row) => {
      const outcome = await attempt(db, deps, row);
      return finish(db, deps, row, outcome, now);
    }),
  );
  for (const status of settled) {
    if (status === 'sent') report.sent++;
    else if (status === 'skipped') report.skipped++;
    else if (status === 'dead') report.dead++;
    else if (status === 'pending') report.retrying++;
  }
  return report;
}

async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db
    .with('due', (q) =>
      q
        .selectFrom('notification')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('notification as n')
    .from('due')
    .whereRef('n.id', '=', 'due.id')
    .set((eb) => ({
      attempts: eb('n.attempts', '+', 1),
      last_attempt_at: now,
      next_attempt_at: new Date(now.getTime() + leaseMs),
    }))
    .returning(['n.id', 'n.recipient_user_id', 'n.channel', 'n.code', 'n.params', 'n.link', 'n.attempts'])
    .execute();
}

async function attempt(db: Db, deps: NotifyDeps, row: Claimed): Promise<Outcome> {
  const adapter = deps.adapters[row.channel];
  if (!adapter) return { status: 'skipped', reason: `${row.channel} is not configured` };
  try {
    const destination = await destinationFor(db, deps.cipher, row.recipient_user_id, row.channel);
    if ('skip' in destination) return { status: 'skipped', reason: destination.skip };
    const rendered = renderNotification(deps.templates, row.code, row.params);
    if (row.channel === 'email') {
      const url = deps.publicUrl && row.link ? new URL(row.link, deps.publicUrl).href : undefined;
      await adapter.send({ to: destination.to, ...emailBody(rendered, url) });
    } else {
      await adapter.send({ to: destination.to, subject: rendered.zh.subject, text: smsBody(rendered) });
    }
    return { status: 'sent' };
  } catch (error) {
    // Only a DeliveryError's message is known to be free of addresses and credentials.
    if (error instanceof DeliveryError) {
      return { status: 'failed', reason: error.message.slice(0, 200), permanent: error.permanent };
    }
    const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error';
    return { status: 'failed', reason: `${row.channel} delivery failed (${name})`, permanent: false };
  }
}

/**
 * Records the outcome, but only if the row is still ours: the attempt count taken at the claim
 * is the fence, so a row another dispatcher took over after the lease ran out is left to it.
 */
async function finish(
  db: Db,
  deps: NotifyDeps,
  row: Claimed,
  outcome: Outcome,
  now: Date,
): Promise<NotificationStatus | 'lost'> {
  const log = { notificationId: row.id, channel: row.channel, code: row.code, attempts: row.attempts };
  let change: NotificationUpdate;
  if (outcome.status === 'sent') {
    change = { status: 'sent', sent_at: new Date(), last_error: null };
  } else if (outcome.status === 'skipped') {
    change = { status: 'skipped', last_error: outcome.reason };
    deps.logger?.info({ ...log, reason: outcome.reason }, 'notification skipped');
  } else if (outcome.permanent || row.attempts >= deps.maxAttempts) {
    change = { status: 'dead', last_error: outcome.reason };
    deps.logger?.error({ ...log, error: outcome.reason }, 'notification gave up');
  } else {
    const next = new Date(now.getTime() + backoffMs(row.attempts, deps.random));
    change = { status: 'pending', next_attempt_at: next, last_error: outcome.reason };
    deps.logger?.warn({ ...log, error: outcome.reason, retryAt: next.toISOString() }, 'notification failed');
  }
  const result = await db
    .updateTable('notification')
    .set(change)
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? (change.status ?? 'pending') : 'lost';
}

/**
 * Runs the dispatcher every intervalMs (draining full batches back to back) until the returned
 * function is called; that resolves once the batch in progress is done and the adapters closed.
 */
export function startNotificationLoop(
  db: Db,
  deps: NotifyDeps,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): () => Promise<void> {
  const stop = new AbortController();
  const batchSize = deps.batchSize ?? 20;
  const loop = runEvery(
    async () => {
      while (!stop.signal.aborted) {
        const report = await deliverDueNotifications(db, deps);
        if (report.claimed < batchSize) break;
      }
    },
    { intervalMs: options.intervalMs, signal: stop.signal, onError: options.onError },
  );
  return async () => {
    stop.abort();
    await loop;
    await Promise.all(Object.values(deps.adapters).map((a) => a?.close?.()));
  };
}
