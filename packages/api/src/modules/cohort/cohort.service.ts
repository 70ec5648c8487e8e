import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Event } from '../event/event.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { recomputeCompletion, recordAttendance } from '../registration/attendance.js';
import { personOrSelf, RegistrationEngine } from '../registration/registration-engine.js';
import { Offering, OfferingKind, OfferingQuota, OfferingSession, Registration } from '../registration/registration.entities.js';
import { Cohort, Programme } from './cohort.entities.js';
import type {
  AttendanceRecordInput,
  CohortCreateInput,
  CohortRegisterInput,
  CohortUpdateInput,
  ProgrammeCreateInput,
  RegistrationAcceptOfferInput,
  RegistrationCancelInput,
  RegistrationMoveInput,
  RegistrationTransferInput,
  SessionCreateInput,
  SessionDeleteInput,
  SessionUpdateInput,
} from './cohort.inputs.js';
import type { RegistrationApproveInput, RegistrationRejectInput } from './registration-approval.inputs.js';

const cohortNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No cohort has this id.');
const sessionNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No session has this id.');
const sessionOrder = () => DomainError.of('endsAt', UserErrorCode.INVALID, 'A session must end after it starts.');

export class CohortService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Cohorts are public to everyone signed in, and to API clients with a training scope. */
  list(page: PageRequest<'createdAt'>): Promise<Connection<Cohort>> {
    return findPage(this.ctx.em, Cohort, this.ctx.access.canReadTraining() ? {} : { id: { $in: [] } }, page);
  }

  async find(id: string): Promise<Cohort | null> {
    return this.ctx.access.canReadTraining() ? this.ctx.em.findOne(Cohort, { id }) : null;
  }

  /** Registrations awaiting the caller's decision (those of the organisations they administer), oldest first. */
  awaitingApproval(page: PageRequest<'registeredAt'>): Promise<Connection<Registration>> {
    return this.ctx.em
      .getRepository(Registration)
      .findPendingPage(this.ctx.access.approvableOrganisationIds(), this.ctx.access.registrationScope(), page);
  }

  private requireAdministrator(): void {
    this.ctx.access.require(this.ctx.access.canManageTraining(), null, 'Only administrators run programmes and cohorts.');
  }

  private engine(em: EntityManager): RegistrationEngine {
    return new RegistrationEngine(em, this.ctx.access, this.ctx.today);
  }

  async createProgramme(input: ProgrammeCreateInput): Promise<Programme> {
    this.requireAdministrator();
    await assertValidInput(input);
    return unitOfWork(this.ctx, 'programmeCreate', async (em) =>
      em.create(Programme, {
        name: input.name,
        description: input.description || null,
        completionThresholdPercent: input.completionThresholdPercent,
      }),
    );
  }

  async createCohort(input: CohortCreateInput): Promise<Cohort> {
    this.requireAdministrator();
    await assertValidInput(input);
    const programmeId = requireEntityId(input.programmeId, 'Programme', 'programmeId');
    const organisationIds = [
      ...new Set(
        (input.audienceOrganisationIds ?? []).map((id, index) => requireEntityId(id, 'Organisation', `audienceOrganisationIds.${index}`)),
      ),
    ];
    if (input.registrationOpensAt && input.registrationClosesAt && input.registrationClosesAt <= input.registrationOpensAt) {
      throw DomainError.of('registrationClosesAt', UserErrorCode.INVALID, 'Registration must close after it opens.');
    }
    const quotas = (input.seatQuotas ?? []).map((quota, index) => ({
      organisationId: requireEntityId(quota.organisationId, 'Organisation', `seatQuotas.${index}.organisationId`),
      places: quota.places,
    }));
    const repeated = quotas.findIndex(
      (quota, index) => quotas.findIndex((other) => other.organisationId === quota.organisationId) !== index,
    );
    if (repeated >= 0)
      throw DomainError.of(`seatQuotas.${repeated}.organisationId`, UserErrorCode.INVALID, 'Each organisation may have one quota.');
    if (quotas.length > 0) {
      if (!input.capacity) throw DomainError.of('capacity', UserErrorCode.INVALID, 'Seat quotas need a capacity.');
      const reserved = quotas.reduce((sum, quota) => sum + quota.places, 0);
      if (reserved > input.capacity)
        throw DomainError.of(
          'seatQuotas',
          UserErrorCode.INVALID,
          `The quotas reserve ${reserved} places; the capacity is ${input.capacity}.`,
        );
    }
    return unitOfWork(this.ctx, 'cohortCreate', async (em) => {
      const programme = await em.findOne(Programme, { id: programmeId });
      if (!programme) throw DomainError.of('programmeId', UserErrorCode.NOT_FOUND, 'No programme has this id.');
      const found = await em.find(Organisation, { id: { $in: [...organisationIds, ...quotas.map((quota) => quota.organisationId)] } });
      const exists = (id: string) => found.some((organisation) => organisation.id === id);
      const missing = organisationIds.findIndex((id) => !exists(id));
      if (missing >= 0) throw DomainError.of(`audienceOrganisationIds.${missing}`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const missingQuota = quotas.findIndex((quota) => !exists(quota.organisationId));
      if (missingQuota >= 0)
        throw DomainError.of(`seatQuotas.${missingQuota}.organisationId`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const offering = em.create(Offering, {
        kind: OfferingKind.COHORT,
        status: input.status,
        capacity: input.capacity ?? null,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
        audienceRoles: input.audienceRoles ?? [],
        audienceOrganisationIds: organisationIds,
        promotionPolicy: input.promotionPolicy,
        offerHoldHours: input.offerHoldHours,
        quotaReleaseAt: quotas.length > 0 ? (input.quotaReleaseAt ?? null) : null,
        requiresApproval: input.requiresApproval,
      });
      for (const quota of quotas)
        em.create(OfferingQuota, { offering, organisation: em.getReference(Organisation, quota.organisationId), places: quota.places });
      return em.create(Cohort, { programme, offering, name: input.name, description: input.description || null });
    });
  }

  async updateCohort(input: CohortUpdateInput): Promise<Cohort> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Cohort', 'id');
    return unitOfWork(this.ctx, 'cohortUpdate', async (em) => {
      const cohort = await em.findOne(Cohort, { id });
      if (!cohort) throw cohortNotFound('id');
      const offering = await em.getRepository(Registration).lockOffering(cohort.offering.id);
      const engine = this.engine(em);
      if (input.capacity !== undefined && input.capacity !== null) await engine.resize(offering!, input.capacity);
      if (input.status) offering!.status = input.status;
      if (input.promotionPolicy) offering!.promotionPolicy = input.promotionPolicy;
      if (input.offerHoldHours) offering!.offerHoldHours = input.offerHoldHours;
      if (input.requiresApproval !== undefined && input.requiresApproval !== null) offering!.requiresApproval = input.requiresApproval;
      await engine.promote(offering!);
      return cohort;
    });
  }

  async register(input: CohortRegisterInput): Promise<Registration> {
    await assertValidInput(input);
    const cohortId = requireEntityId(input.cohortId, 'Cohort', 'cohortId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    return unitOfWork(this.ctx, 'cohortRegister', async (em) => {
      const cohort = await em.findOne(Cohort, { id: cohortId });
      if (!cohort) throw cohortNotFound('cohortId');
      return this.engine(em).register(cohort.offering.id, personId, 'cohortId');
    });
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

  async transfer(input: RegistrationTransferInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    const cohortId = requireEntityId(input.cohortId, 'Cohort', 'cohortId');
    return unitOfWork(this.ctx, 'registrationTransfer', async (em) => {
      const cohort = await em.findOne(Cohort, { id: cohortId });
      if (!cohort) throw cohortNotFound('cohortId');
      return this.engine(em).transfer(id, cohort.offering.id, 'cohortId');
    });
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
    const cohortId = input.cohortId ? requireEntityId(input.cohortId, 'Cohort', 'cohortId') : null;
    const eventId = input.eventId ? requireEntityId(input.eventId, 'Event', 'eventId') : null;
    if (input.endsAt <= input.startsAt) throw sessionOrder();
    return unitOfWork(this.ctx, 'sessionCreate', async (em) => {
      const owner = cohortId ? await em.findOne(Cohort, { id: cohortId }) : await em.findOne(Event, { id: eventId! });
      if (!owner) throw cohortId ? cohortNotFound('cohortId') : DomainError.of('eventId', UserErrorCode.NOT_FOUND, 'No event has this id.');
      await em.getRepository(Registration).lockOffering(owner.offering.id);
      const session = em.create(OfferingSession, {
        offering: owner.offering,
        title: input.title || null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venue: input.venue || null,
        onlineUrl: input.onlineUrl || null,
        residential: input.residential,
      });
      await this.recomputeCompletionOf(em, owner.offering.id);
      return session;
    });
  }

  async updateSession(input: SessionUpdateInput): Promise<OfferingSession> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Session', 'id');
    return unitOfWork(this.ctx, 'sessionUpdate', async (em) => {
      const { session, offering } = await this.lockedSession(em, id, 'id');
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
      em.remove(session);
      await this.recomputeCompletionOf(em, session.offering.id);
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
    this.ctx.access.require(this.ctx.access.mayRecordAttendance(), null, 'Administrators and competence coordinators record attendance.');
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
    const found = await em.findOne(OfferingSession, { id });
    if (!found) throw sessionNotFound(field);
    const offering = (await em.getRepository(Registration).lockOffering(found.offering.id))!;
    // Re-read under the lock: another change to it may have committed meanwhile.
    const session = await em.findOne(OfferingSession, { id }, { refresh: true });
    if (!session) throw sessionNotFound(field);
    return { session, offering };
  }

  /** The completion rule of the offering's programme (offerings outside programmes have none). */
  private async recomputeCompletionOf(em: EntityManager, offeringId: string): Promise<void> {
    const cohort = await em.findOne(Cohort, { offering: offeringId }, { populate: ['programme'] });
    await recomputeCompletion(em, offeringId, cohort ? cohort.programme.getEntity().completionThresholdPercent : null);
  }
}
