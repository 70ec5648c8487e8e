import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../platform/logger.js';
import { Person } from '../person/person.entity.js';
import { Notification, NotificationKind, NotificationStatus } from './notification.entity.js';
import type { NotificationTransport } from './notification.transport.js';

export interface RetryPolicy {
  /** Wait after the first failed attempt; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts the message is FAILED. */
  maxAttempts: number;
}

// With the hour's cap, 30 attempts keep a message alive through a day of mail-server trouble.
export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 30 };

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

export interface NotificationWorkerOptions {
  orm: MikroORM;
  transport: NotificationTransport;
  logger: Logger;
  /** Pause between passes of `start()`. */
  pollMs?: number;
  /** Messages claimed (and locked) per transaction. */
  batchSize?: number;
  retry?: Partial<RetryPolicy>;
}

/** Kinds whose text is a credential: it is not kept once the message is sent or given up. */
const SECRET_KINDS: ReadonlySet<NotificationKind> = new Set([NotificationKind.PASSWORD_RESET, NotificationKind.ACCOUNT_INVITATION]);
const SECRET_REMOVED = '[removed after delivery: it held a one-time link]';

/** Kept short, one line, and free of stacks. */
function describeError(error: unknown): string {
  const { code, responseCode, message } = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const text = [
    typeof code === 'string' ? code : null,
    typeof responseCode === 'number' ? String(responseCode) : null,
    typeof message === 'string' ? message : String(error),
  ]
    .filter(Boolean)
    .join(': ');
  // SMTP answers may quote the recipient's address: personal data stays out of the row and the log.
  return text
    .replace(/[^\s<>@]+@[^\s<>@]+/g, '[address]')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/**
 * Only a 5xx refusal of the recipient (e.g. no such mailbox) is final for the message. Other 5xx
 * answers (a failed login after a password change, a refused sender) concern every message alike:
 * those are retried, so fixing the configuration delivers them.
 */
const isPermanent = (error: unknown) => {
  const { responseCode, command } = (error ?? {}) as { responseCode?: unknown; command?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500 && command === 'RCPT TO';
};

/**
 * Delivers the outbox. Each pass claims due messages with `for update skip locked`, sends them and
 * marks them sent in the same transaction, holding the row locks across the send: any number of
 * workers (in any number of processes) never send one message twice. A failed send is retried with
 * exponential backoff. Should a process die between a send and its commit, the message goes again
 * with the same Message-ID, which receivers can de-duplicate.
 */
export class NotificationWorker {
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly retry: RetryPolicy;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  /** Set by stop(): a pass under way ends after the message in hand. */
  private stopping = false;

  constructor(private readonly options: NotificationWorkerOptions) {
    this.pollMs = options.pollMs ?? 5_000;
    // One message per transaction by default: a crash after a send rolls back at most that one (at-least-once).
    this.batchSize = options.batchSize ?? 1;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Delivers every message due now, once each; messages that fail wait for a later pass. */
  async deliverDue(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    // Messages that failed in this pass are due again only in a later one. Only failures are kept: a sent
    // message is no longer pending, so listing it too made every claim of a long pass longer (quadratic).
    const failedInPass: string[] = [];
    // A delivery that must be retried (the server is down, refuses the login, ...) ends the pass: the
    // rest would meet the same trouble, each waiting for its timeouts while holding its row.
    let halted = false;
    for (;;) {
      const claimed = await this.options.orm.em.fork().transactional(async (em) => {
        const due = await em.getRepository(Notification).claimDue(this.batchSize, new Date(), failedInPass);
        // A message written while its person was being erased reaches nobody: it goes with them.
        const erased = new Set(await em.getRepository(Person).findErasedIds(due.map((notification) => notification.person.id)));
        for (const notification of due) {
          if (erased.has(notification.person.id)) {
            em.remove(notification);
            await em.flush();
            continue;
          }
          const outcome = await this.deliver(notification);
          if (outcome === 'SENT') result.sent += 1;
          else {
            result.failed += 1;
            failedInPass.push(notification.id);
          }
          await em.flush();
          if (outcome === 'RETRY') {
            halted = true;
            break;
          }
        }
        return due.length;
      });
      if (claimed < this.batchSize || halted || this.stopping) return result;
    }
  }

  /** Sends one claimed message and records the outcome on it; true when it was sent. */
  private async deliver(notification: Notification): Promise<'SENT' | 'FAILED' | 'RETRY'> {
    try {
      await this.options.transport.send({
        notificationId: notification.id,
        kind: notification.kind,
        personId: notification.person.id,
        to: notification.toAddress,
        subject: notification.subject,
        text: notification.body,
        html: notification.htmlBody,
        attachments: notification.attachments,
      });
      notification.status = NotificationStatus.SENT;
      notification.sentAt = new Date();
      notification.lastError = null;
      if (SECRET_KINDS.has(notification.kind)) Object.assign(notification, { body: SECRET_REMOVED, htmlBody: null });
      return 'SENT';
    } catch (error) {
      notification.attempts += 1;
      notification.lastError = describeError(error);
      const finalFailure = notification.attempts >= this.retry.maxAttempts || isPermanent(error);
      if (finalFailure) {
        notification.status = NotificationStatus.FAILED;
        if (SECRET_KINDS.has(notification.kind)) Object.assign(notification, { body: SECRET_REMOVED, htmlBody: null });
      } else {
        notification.nextAttemptAt = new Date(Date.now() + retryDelayMs(notification.attempts, this.retry));
      }
      this.options.logger[finalFailure ? 'error' : 'warn'](
        { notificationId: notification.id, kind: notification.kind, attempts: notification.attempts, error: notification.lastError },
        finalFailure ? 'notification could not be delivered; giving up' : 'notification delivery failed; will retry',
      );
      return finalFailure ? 'FAILED' : 'RETRY';
    }
  }

  /** Delivers due messages now and then every `pollMs`, until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const pass = () => {
      this.timer = null;
      this.running = this.deliverDue()
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'notification worker pass failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(pass, this.pollMs).unref();
        });
    };
    pass();
  }

  /** Stops polling, waits for a pass under way, and closes the transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.options.transport.close();
  }
}
