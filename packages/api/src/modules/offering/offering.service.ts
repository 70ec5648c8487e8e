import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { RoleAssignment, type Role } from '../role-assignment/role-assignment.entity.js';
import { recomputeCompletion, recordAttendance } from './attendance.js';
import { OfferingKind, OfferingStatus, type PromotionPolicy } from './offering.enums.js';
import type {
  AttendanceRecordInput,
  RegistrationAcceptOfferInput,
  RegistrationApproveInput,
  RegistrationExpireOfferInput,
  RegistrationCancelInput,
  RegistrationMoveInput,
  RegistrationRejectInput,
  SessionCreateInput,
  SessionDeleteInput,
  SessionUpdateInput,
} from './offering.inputs.js';
import { OfferingQuota } from './offering-quota.entity.js';
import { OfferingSession } from './offering-session.entity.js';
import { OfferingSessionRemoval } from './offering-session-removal.entity.js';
import { notifySessionChange } from './session-notices.js';
import { Offering } from './offering.entity.js';
import { OfferingRepository, type OfferingOwnerRef } from './offering.repository.js';
import { RegistrationEngine } from './registration-engine.js';
import { registerDirectly } from './registration-direct.js';
import type { RegistrationFacts } from './registration.entity.js';
import type { EndReason } from './registration-queue.js';
import { Registration } from './registration.entity.js';
import { OfferingPolicy } from './offering.policy.js';

const sessionNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No session has this id.');
const sessionOrder = () => DomainError.of('endsAt', UserErrorCode.INVALID, 'A session must end after it starts.');

/** What a new offering of a cohort, network meeting or event starts with; left out: the defaults. */
export interface OfferingSettings {
  status: OfferingStatus;
  capacity?: number | null;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  audienceRoles?: Role[] | null;
  audienceOrganisationIds?: string[];
  promotionPolicy?: PromotionPolicy;
  offerHoldHours?: number;
  quotaReleaseAt?: Date | null;
  requiresApproval?: boolean;
  /** Places reserved per organisation (validated by the owner: organisations exist, together at most the capacity). */
  seatQuotas?: { organisationId: string; places: number }[];
}

/** Changes to an offering's places and status; left out: unchanged. */
export interface OfferingChanges {
  capacity?: number | null;
  status?: OfferingStatus | null;
  promotionPolicy?: PromotionPolicy | null;
  offerHoldHours?: number | null;
  requiresApproval?: boolean | null;
}

/** A first session for a new offering (a network meeting is its one session). */
export interface SessionSettings {
  startsAt: Date;
  endsAt: Date;
  title?: string | null;
  venue?: string | null;
  onlineUrl?: string | null;
  residential?: boolean;
}

/**
 * The one way to offerings, for the GraphQL API and for their owners (cohorts, network meetings and
 * events), which never touch the offering module's tables: registering, cancelling, offers, approval,
 * moves, sessions and attendance, and the changes of capacity and status (resize, then promote from the
 * queue). Methods taking an `em` work inside the owner's unit of work; the others are mutations of their own.
 */
export class OfferingService {
  constructor(private readonly ctx: ServiceContext) {}

  private engine(em: EntityManager): RegistrationEngine {
    return new RegistrationEngine(em, this.ctx.access, this.ctx.today, this.ctx.dependencies.portalLinks);
  }

  private requireAdministrator(): void {
    this.ctx.access.require(
      OfferingPolicy.of(this.ctx.access).canManageTraining(),
      null,
      'Only administrators run programmes and cohorts.',
    );
  }

  // ---- for the owners, inside their unit of work ----

  /** A new offering of the given kind, with its seat quotas and, optionally, a first session; its id. */
  createOffering(em: EntityManager, kind: OfferingKind, settings: OfferingSettings, session?: SessionSettings): string {
    const quotas = settings.seatQuotas ?? [];
    const offering = em.create(Offering, {
      kind,
      status: settings.status,
      capacity: settings.capacity ?? null,
      registrationOpensAt: settings.registrationOpensAt ?? null,
      registrationClosesAt: settings.registrationClosesAt ?? null,
      audienceRoles: settings.audienceRoles ?? [],
      audienceOrganisationIds: settings.audienceOrganisationIds ?? [],
      ...(settings.promotionPolicy ? { promotionPolicy: settings.promotionPolicy } : {}),
      ...(settings.offerHoldHours ? { offerHoldHours: settings.offerHoldHours } : {}),
      quotaReleaseAt: quotas.length > 0 ? (settings.quotaReleaseAt ?? null) : null,
      requiresApproval: settings.requiresApproval ?? false,
    });
    for (const quota of quotas)
      em.create(OfferingQuota, { offering, organisation: em.getReference(Organisation, quota.organisationId), places: quota.places });
    if (session)
      em.create(OfferingSession, {
        offering,
        title: session.title || null,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venue: session.venue || null,
        onlineUrl: session.onlineUrl || null,
        residential: session.residential ?? false,
      });
    return offering.id;
  }

  /**
   * The one place capacity and status change: under the offering's row lock, a new capacity (never
   * below the places confirmed or offered, nor below the seat quotas together), then the free places go
   * to the queue by the promotion policy.
   */
  async changeOffering(em: EntityManager, offeringId: string, changes: OfferingChanges): Promise<void> {
    const offering = (await em.getRepository(Registration).lockOffering(offeringId))!;
    const engine = this.engine(em);
    // Cancelling ended every registration and told each person: it is not undone by a new status.
    if (offering.status === OfferingStatus.CANCELLED && changes.status && changes.status !== OfferingStatus.CANCELLED)
      throw DomainError.of('status', UserErrorCode.CONFLICT, 'A cancelled offering stays cancelled; create a new one instead.');
    if (changes.capacity !== undefined && changes.capacity !== null) await engine.resize(offering, changes.capacity);
    if (changes.status === OfferingStatus.CANCELLED && offering.status !== OfferingStatus.CANCELLED) await engine.cancelOffering(offering);
    else if (changes.status) offering.status = changes.status;
    if (changes.promotionPolicy) offering.promotionPolicy = changes.promotionPolicy;
    if (changes.offerHoldHours) offering.offerHoldHours = changes.offerHoldHours;
    if (changes.requiresApproval !== undefined && changes.requiresApproval !== null) offering.requiresApproval = changes.requiresApproval;
    await engine.promote(offering);
  }

  /**
   * The common case of registering a person for the offering of a cohort or event, in two round trips and
   * outside any unit of work (`registerDirectly`); null when the case is not the common one: the owner then
   * registers in its unit of work (`register`), which answers every other case.
   */
  registerDirectly(operation: string, owner: OfferingOwnerRef, personId: string): Promise<RegistrationFacts | null> {
    return registerDirectly(this.ctx, operation, owner, personId);
  }

  /** Registers a person for an offering; `requirement` is the owner's own condition (e.g. membership of the network). */
  register(
    em: EntityManager,
    offeringId: string,
    personId: string,
    offeringField: string,
    requirement?: (person: Person) => Promise<void>,
  ): Promise<Registration> {
    return this.engine(em).register(offeringId, personId, offeringField, requirement);
  }

  /** Moves a registration to another offering of the same kind (administrators). */
  transfer(em: EntityManager, registrationId: string, toOfferingId: string, toField: string): Promise<Registration> {
    return this.engine(em).transfer(registrationId, toOfferingId, toField);
  }

  /**
   * Ends a person's registrations in those of these offerings that have not started yet (e.g. the
   * meetings of a network they left), freeing their places to the queues; they are told why.
   */
  async endUpcomingRegistrations(em: EntityManager, offeringIds: readonly string[], personId: string, because: EndReason): Promise<number> {
    const starts = await new OfferingRepository(em).firstSessionStarts(offeringIds);
    const now = new Date();
    const upcoming = offeringIds.filter((_, index) => !starts[index] || starts[index] > now);
    return this.engine(em).endPersonIn(upcoming, personId, because);
  }

  /** Recomputes the completions of these offerings' places (their owner's completion rule changed), each under its row lock. */
  async recomputeCompletions(em: EntityManager, offeringIds: string[]): Promise<void> {
    await em.flush();
    for (const offeringId of [...offeringIds].sort()) {
      await em.getRepository(Registration).lockOffering(offeringId);
      await this.recomputeCompletionOf(em, offeringId);
    }
  }

  /** Whether a person completed a place in a cohort of the programme. */
  hasCompletedProgramme(em: EntityManager, personId: string, programmeId: string): Promise<boolean> {
    return new OfferingRepository(em).hasCompletedProgramme(personId, programmeId);
  }

  /**
   * The offerings of a kind a person may register for now: open, inside the registration window, with
   * the person in the audience (roles held today, home organisation). Empty when the caller may not see the person.
   */
  async registrableOfferingIds(em: EntityManager, kind: OfferingKind, personId: string): Promise<string[]> {
    const person = await em.getRepository(Person).findVisible(personId, OfferingPolicy.of(this.ctx.access).registrationScope());
    if (!person) return [];
    const roles = await em.getRepository(RoleAssignment).findActiveForPerson(person.id, this.ctx.today);
    return new OfferingRepository(em).findRegistrableIds(
      kind,
      roles.map((role) => role.role),
      person.homeOrganisation.id,
      new Date(),
    );
  }

  // ---- mutations of their own ----

  /** Registrations awaiting the caller's decision (those of the organisations they administer), oldest first. */
  awaitingApproval(page: PageRequest<'registeredAt'>): Promise<Connection<Registration>> {
    return this.ctx.em
      .getRepository(Registration)
      .findPendingPage(
        OfferingPolicy.of(this.ctx.access).approvableOrganisationIds(),
        OfferingPolicy.of(this.ctx.access).registrationScope(),
        page,
      );
  }

  async cancel(input: RegistrationCancelInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationCancel', (em) => this.engine(em).cancel(id));
  }

  async acceptOffer(input: RegistrationAcceptOfferInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationAcceptOffer', (em) => this.engine(em).acceptOffer(id));
  }

  /** Ends an open offer now, by the expiry job's path (administrators). */
  async expireOffer(input: RegistrationExpireOfferInput): Promise<Registration> {
    this.ctx.access.require(OfferingPolicy.of(this.ctx.access).canManageTraining(), null, 'Only administrators end offers early.');
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationExpireOffer', (em) => this.engine(em).expireOffer(id));
  }

  async moveInQueue(input: RegistrationMoveInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationMove', (em) => this.engine(em).moveInQueue(id, input.position));
  }

  async approve(input: RegistrationApproveInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationApprove', (em) => this.engine(em).approve(id));
  }

  async reject(input: RegistrationRejectInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationReject', (em) => this.engine(em).reject(id, input.reason.trim()));
  }

  async createSession(input: SessionCreateInput): Promise<OfferingSession> {
    this.requireAdministrator();
    await assertValidInput(input);
    if (Boolean(input.cohortId) === Boolean(input.eventId))
      throw DomainError.of(null, UserErrorCode.INVALID, 'Give either cohortId or eventId.');
    const owner: OfferingOwnerRef & { field: string } = input.cohortId
      ? { type: 'Cohort', id: requireEntityId(input.cohortId, 'Cohort', 'cohortId'), field: 'cohortId' }
      : { type: 'Event', id: requireEntityId(input.eventId!, 'Event', 'eventId'), field: 'eventId' };
    if (input.endsAt <= input.startsAt) throw sessionOrder();
    return unitOfWork(this.ctx, 'sessionCreate', async (em) => {
      const offeringId = await new OfferingRepository(em).offeringIdOf(owner);
      if (!offeringId)
        throw DomainError.of(
          owner.field,
          UserErrorCode.NOT_FOUND,
          owner.type === 'Cohort' ? 'No cohort has this id.' : 'No event has this id.',
        );
      const offering = (await em.getRepository(Registration).lockOffering(offeringId))!;
      const session = em.create(OfferingSession, {
        offering,
        title: input.title || null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venue: input.venue || null,
        onlineUrl: input.onlineUrl || null,
        residential: input.residential,
      });
      await this.recomputeCompletionOf(em, offering.id);
      return session;
    });
  }

  async updateSession(input: SessionUpdateInput): Promise<OfferingSession> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Session', 'id');
    return unitOfWork(this.ctx, 'sessionUpdate', async (em) => {
      const { session, offering } = await this.lockedSession(em, id, 'id');
      const before = {
        startsAt: session.startsAt.getTime(),
        endsAt: session.endsAt.getTime(),
        venue: session.venue,
        onlineUrl: session.onlineUrl,
      };
      if (input.title !== undefined) session.title = input.title || null;
      if (input.startsAt) session.startsAt = input.startsAt;
      if (input.endsAt) session.endsAt = input.endsAt;
      if (input.venue !== undefined) session.venue = input.venue || null;
      if (input.onlineUrl !== undefined) session.onlineUrl = input.onlineUrl || null;
      if (input.residential !== undefined && input.residential !== null) session.residential = input.residential;
      if (session.endsAt <= session.startsAt) throw sessionOrder();
      // A network meeting takes registrations until it starts.
      if (offering.kind === OfferingKind.MEETING) offering.registrationClosesAt = session.startsAt;
      await this.recomputeCompletionOf(em, session.offering.id);
      const moved =
        before.startsAt !== session.startsAt.getTime() ||
        before.endsAt !== session.endsAt.getTime() ||
        before.venue !== session.venue ||
        before.onlineUrl !== session.onlineUrl;
      if (moved) {
        session.sequence += 1;
        await em.flush();
        // A correction of a session that is over tells nobody.
        if (Math.max(before.endsAt, session.endsAt.getTime()) > Date.now())
          await notifySessionChange(em, this.ctx.dependencies.portalLinks, offering.id, session, 'MOVED');
      }
      return session;
    });
  }

  async deleteSession(input: SessionDeleteInput): Promise<OfferingSession> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Session', 'id');
    return unitOfWork(this.ctx, 'sessionDelete', async (em) => {
      const { session, offering } = await this.lockedSession(em, id, 'id');
      if (offering.kind === OfferingKind.MEETING)
        throw DomainError.of('id', UserErrorCode.CONFLICT, "A network meeting's session is the meeting itself: it cannot be removed.");
      // Calendar feeds keep it, cancelled, with a higher SEQUENCE.
      em.create(OfferingSessionRemoval, {
        sessionId: session.id,
        offering,
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venue: session.venue,
        onlineUrl: session.onlineUrl,
        residential: session.residential,
        sequence: session.sequence + 1,
      });
      em.remove(session);
      await this.recomputeCompletionOf(em, session.offering.id);
      await em.flush();
      if (session.endsAt.getTime() > Date.now())
        await notifySessionChange(
          em,
          this.ctx.dependencies.portalLinks,
          offering.id,
          { ...session, sequence: session.sequence + 1 },
          'REMOVED',
        );
      return session;
    });
  }

  async recordAttendance(input: AttendanceRecordInput): Promise<OfferingSession> {
    await assertValidInput(input);
    const id = requireEntityId(input.sessionId, 'Session', 'sessionId');
    const entries = input.entries.map((entry, index) => ({
      registrationId: requireEntityId(entry.registrationId, 'Registration', `entries.${index}.registrationId`),
      status: entry.status,
    }));
    this.ctx.access.require(
      OfferingPolicy.of(this.ctx.access).mayRecordAttendance(),
      null,
      'Administrators and competence coordinators record attendance.',
    );
    return unitOfWork(this.ctx, 'attendanceRecord', async (em) => {
      const { session } = await this.lockedSession(em, id, 'sessionId');
      await recordAttendance(em, this.ctx.access, session, entries);
      await this.recomputeCompletionOf(em, session.offering.id);
      return session;
    });
  }

  /**
   * A session, with its offering's row locked: completion is recomputed over the whole offering, so
   * attendance and session changes take turns with each other and with registration changes.
   */
  private async lockedSession(em: EntityManager, id: string, field: string): Promise<{ session: OfferingSession; offering: Offering }> {
    const offerings = new OfferingRepository(em);
    const found = await offerings.findSession(id);
    if (!found) throw sessionNotFound(field);
    const offering = (await em.getRepository(Registration).lockOffering(found.offering.id))!;
    // Re-read under the lock: another change to it may have committed meanwhile.
    const session = await offerings.findSession(id, true);
    if (!session) throw sessionNotFound(field);
    return { session, offering };
  }

  /** The completion rule of the offering's programme (offerings outside programmes have none). */
  private async recomputeCompletionOf(em: EntityManager, offeringId: string): Promise<void> {
    await recomputeCompletion(em, offeringId, await new OfferingRepository(em).completionThresholdOf(offeringId));
  }
}
