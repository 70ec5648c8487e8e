import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../platform/logger.js';
import { recordAuditEntry } from '../audit/audit-trail.js';
import { RegistrationQueue } from './registration-queue.js';
import { registrationNotices } from './registration-notices.js';
import { queueSessionReminders } from './registration-reminders.js';
import { OfferingRepository } from './offering.repository.js';
import { Registration } from './registration.entity.js';
import { portalLinks, type PortalLinks } from '../notification/portal-links.js';

export interface JobRun {
  /** Offerings whose expired offers lapsed and went on down the queue. */
  offersLapsed: number;
  /** Offerings whose reserved places were released to everyone. */
  quotasReleased: number;
  /** Session reminders put in the outbox. */
  remindersQueued: number;
}

const BATCH = 100;
const REMINDER_BATCH = 1000;
const SYSTEM = { personId: null, apiClientId: null };

/**
 * The registration engine's scheduled work: offers that expired unanswered lapse, reserved places
 * are released on their date, and confirmed people are reminded of each session. Every API process
 * runs it; each offering is handled under its row lock and re-checked there, so when two processes reach
 * the same offering the second finds nothing to do; reminders are kept to one by the outbox's dedupe key.
 */
export class RegistrationJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** Days before each session that confirmed people are reminded; 0: never. */
    private readonly reminderDaysBefore = 3,
    /** Where the portal is, for the links in messages. */
    private readonly links: PortalLinks = portalLinks('http://localhost:4000'),
  ) {}

  start(): void {
    // A tick that comes while the last run is still going is skipped: runs never pile up on the pool.
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'registration jobs failed'))
        .finally(() => (this.busy = false));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runOnce(now = new Date()): Promise<JobRun> {
    const em = this.orm.em.fork();
    const lapsing = await em.getRepository(Registration).findOfferingsWithExpiredOffers(now, BATCH);
    const releasing = await new OfferingRepository(em).findDueQuotaReleases(now, BATCH);
    let offersLapsed = 0;
    let quotasReleased = 0;
    for (const offeringId of lapsing) {
      if (await this.inLockedOffering(offeringId, now, 'offerExpiry', (queue) => queue.lapseExpiredOffers().then((count) => count > 0)))
        offersLapsed += 1;
    }
    for (const id of releasing) {
      if (await this.inLockedOffering(id, now, 'quotaRelease', (queue) => queue.releaseQuotasIfDue())) quotasReleased += 1;
    }
    // One transaction: a second process inserting the same reminder waits for it, then skips it.
    const remindersQueued = await this.orm.em
      .fork()
      .transactional((tx) => queueSessionReminders(tx, now, this.reminderDaysBefore, REMINDER_BATCH, this.links));
    if (offersLapsed + quotasReleased + remindersQueued > 0)
      this.logger.info({ offersLapsed, quotasReleased, remindersQueued }, 'registration jobs ran');
    return { offersLapsed, quotasReleased, remindersQueued };
  }

  /**
   * One offering's work in its own transaction under its row lock; audited as the system's when it
   * changed something. A failure is logged and the run goes on: one offering must not hold up the rest.
   */
  private async inLockedOffering(
    offeringId: string,
    now: Date,
    operation: string,
    work: (queue: RegistrationQueue) => Promise<boolean>,
  ): Promise<boolean> {
    try {
      return await this.inTransaction(offeringId, now, operation, work);
    } catch (error) {
      this.logger.error({ err: error, offeringId, operation }, 'a scheduled registration change failed');
      return false;
    }
  }

  private inTransaction(
    offeringId: string,
    now: Date,
    operation: string,
    work: (queue: RegistrationQueue) => Promise<boolean>,
  ): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const offering = await em.getRepository(Registration).lockOffering(offeringId);
      if (!offering) return false;
      const changed = await work(new RegistrationQueue(em, offering, now, registrationNotices(em, this.links)));
      if (changed) {
        // The trail names node types: the change is recorded under the cohort, network meeting or event that owns the offering.
        const [owner] = await new OfferingRepository(em).ownersOf([offering.id]);
        if (!owner) throw new Error(`Offering ${offering.id} has no cohort, network meeting or event.`);
        recordAuditEntry(em, { operation, actor: SYSTEM, requestId: null, subject: owner });
      }
      return changed;
    });
  }
}
