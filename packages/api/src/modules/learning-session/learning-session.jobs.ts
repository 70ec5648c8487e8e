import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../platform/logger.js';
import { todayInSweden } from '../../platform/swedish-time.js';
import { NotificationKind, tryEnqueueNotification } from '../notification/outbox.js';
import { Person } from '../person/person.entity.js';
import { hoursOf, monthName, previousMonth } from './learning-month.js';
import { LearningSession } from './learning-session.entity.js';
import type { LearningSessionRepository } from './learning-session.repository.js';

const BATCH = 1000;

export interface LearningJobRun {
  confirmRemindersQueued: number;
  attestRemindersQueued: number;
  hoursPurged: number;
}

/**
 * Reminders of last month's unattested hours, once each (the outbox's dedupe key): participants with unconfirmed
 * hours, per workplace; today's managers of workplaces with confirmed hours waiting for their attestation.
 */
export async function queueLearningHoursReminders(em: EntityManager, today: string): Promise<{ confirm: number; attest: number }> {
  const month = previousMonth(today.slice(0, 7));
  const repository = em.getRepository(LearningSession) as LearningSessionRepository;
  const unconfirmed = await repository.unconfirmed(month, BATCH);
  const awaiting = await repository.awaitingAttestation(month, today, BATCH);
  await em.getRepository(Person).loadByIds([...new Set([...unconfirmed, ...awaiting].map((row) => row.person_id))]);
  const name = { sv: monthName(month, 'sv'), en: monthName(month, 'en') };
  let confirm = 0;
  let attest = 0;
  for (const row of unconfirmed) {
    const queued = await tryEnqueueNotification(em, {
      kind: NotificationKind.LEARNING_HOURS_CONFIRM_REMINDER,
      personId: row.person_id,
      data: { monthName: name, workplaceName: row.workplace_name, hours: hoursOf(row.minutes) },
      dedupeKey: `learning-hours-confirm:${row.person_id}:${row.workplace_id}:${month}`,
    });
    if (queued) confirm += 1;
  }
  for (const row of awaiting) {
    const queued = await tryEnqueueNotification(em, {
      kind: NotificationKind.LEARNING_HOURS_ATTEST_REMINDER,
      personId: row.person_id,
      data: { monthName: name, workplaceName: row.workplace_name, hours: hoursOf(row.minutes), participantCount: row.participants },
      dedupeKey: `learning-hours-attest:${row.person_id}:${row.workplace_id}:${month}`,
    });
    if (queued) attest += 1;
  }
  return { confirm, attest };
}

/** Reminders of unattested hours, and the purge of erased people's kept hours once the retention period is over. */
export class LearningJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly retentionYears: number,
  ) {}

  start(): void {
    // A tick that comes while the last run is still going is skipped: runs never pile up on the pool.
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'learning hours jobs failed'))
        .finally(() => (this.busy = false));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runOnce(now = new Date()): Promise<LearningJobRun> {
    const today = todayInSweden(now);
    // One transaction: a second process inserting the same reminder waits for it, then skips it.
    const reminders = await this.orm.em.fork().transactional((em) => queueLearningHoursReminders(em, today));
    const cutoff = `${Number(today.slice(0, 4)) - this.retentionYears}${today.slice(4)}`;
    const hoursPurged = await this.orm.em
      .fork()
      .transactional((em) => (em.getRepository(LearningSession) as LearningSessionRepository).purgeAnonymisedBefore(cutoff));
    const run = { confirmRemindersQueued: reminders.confirm, attestRemindersQueued: reminders.attest, hoursPurged };
    if (reminders.confirm + reminders.attest + hoursPurged > 0) this.logger.info(run, 'learning hours jobs ran');
    return run;
  }
}
