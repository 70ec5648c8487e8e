import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { argumentEntityId, requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OfferingKind } from '../offering/offering.enums.js';
import { personOrSelf } from '../offering/registration-engine.js';
import { OfferingService } from '../offering/offering.service.js';
import { Cohort } from './cohort.entity.js';
import type {
  CohortCreateInput,
  CohortFilterInput,
  CohortRegisterInput,
  CohortUpdateInput,
  ProgrammeCreateInput,
  ProgrammeFilterInput,
  ProgrammeOrderField,
  ProgrammeUpdateInput,
  RegistrationTransferInput,
} from './cohort.inputs.js';
import { Programme } from './programme.entity.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

const cohortNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No cohort has this id.');

export class CohortService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Cohorts are public to everyone signed in, and to API clients with a training scope. */
  async list(page: PageRequest<'createdAt'>, filter: CohortFilterInput = {}): Promise<Connection<Cohort>> {
    if (!OfferingPolicy.of(this.ctx.access).canReadTraining()) return findPage(this.ctx.em, Cohort, { id: { $in: [] } }, page);
    await assertValidInput(filter);
    const programmeId = filter.programmeId ? argumentEntityId(filter.programmeId, 'Programme', 'filter.programmeId') : null;
    const offeringIds = filter.registrableBy
      ? await this.offerings.registrableOfferingIds(
          this.ctx.em,
          OfferingKind.COHORT,
          argumentEntityId(filter.registrableBy, 'Person', 'filter.registrableBy'),
        )
      : null;
    return this.ctx.em.getRepository(Cohort).findPage({ ...filter, programmeId, offeringIds }, new Date(), page);
  }

  /** Programmes, as public as cohorts. */
  async listProgrammes(filter: ProgrammeFilterInput | undefined, page: PageRequest<ProgrammeOrderField>): Promise<Connection<Programme>> {
    if (filter) await assertValidInput(filter);
    if (!OfferingPolicy.of(this.ctx.access).canReadTraining()) return findPage(this.ctx.em, Programme, { id: { $in: [] } }, page);
    return this.ctx.em.getRepository(Programme).findPage(filter?.search, page);
  }

  async find(id: string): Promise<Cohort | null> {
    return OfferingPolicy.of(this.ctx.access).canReadTraining() ? this.ctx.em.getRepository(Cohort).findById(id) : null;
  }

  private requireAdministrator(): void {
    this.ctx.access.require(
      OfferingPolicy.of(this.ctx.access).canManageTraining(),
      null,
      'Only administrators run programmes and cohorts.',
    );
  }

  private get offerings(): OfferingService {
    return new OfferingService(this.ctx);
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

  async updateProgramme(input: ProgrammeUpdateInput): Promise<Programme> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Programme', 'id');
    return unitOfWork(this.ctx, 'programmeUpdate', async (em) => {
      const programme = await em.getRepository(Programme).findById(id);
      if (!programme) throw DomainError.of('id', UserErrorCode.NOT_FOUND, 'No programme has this id.');
      if (input.name) programme.name = input.name;
      if (input.description !== undefined && input.description !== null) programme.description = input.description || null;
      const threshold = input.completionThresholdPercent;
      if (threshold !== undefined && threshold !== null && threshold !== programme.completionThresholdPercent) {
        programme.completionThresholdPercent = threshold;
        // The rule changed: the places of every cohort of the programme are judged by the new one.
        await this.offerings.recomputeCompletions(em, await em.getRepository(Cohort).offeringIdsOfProgramme(programme.id));
      }
      return programme;
    });
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
      const programme = await em.getRepository(Programme).findById(programmeId);
      if (!programme) throw DomainError.of('programmeId', UserErrorCode.NOT_FOUND, 'No programme has this id.');
      const found = await em.getRepository(Organisation).findByIds([...organisationIds, ...quotas.map((quota) => quota.organisationId)]);
      const exists = (id: string) => found.some((organisation) => organisation.id === id);
      const missing = organisationIds.findIndex((id) => !exists(id));
      if (missing >= 0) throw DomainError.of(`audienceOrganisationIds.${missing}`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const missingQuota = quotas.findIndex((quota) => !exists(quota.organisationId));
      if (missingQuota >= 0)
        throw DomainError.of(`seatQuotas.${missingQuota}.organisationId`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const offeringId = this.offerings.createOffering(em, OfferingKind.COHORT, {
        status: input.status,
        capacity: input.capacity,
        registrationOpensAt: input.registrationOpensAt,
        registrationClosesAt: input.registrationClosesAt,
        audienceRoles: input.audienceRoles,
        audienceOrganisationIds: organisationIds,
        promotionPolicy: input.promotionPolicy,
        offerHoldHours: input.offerHoldHours,
        quotaReleaseAt: input.quotaReleaseAt,
        requiresApproval: input.requiresApproval,
        seatQuotas: quotas,
      });
      return em.create(Cohort, { programme, offeringId, name: input.name, description: input.description || null });
    });
  }

  async updateCohort(input: CohortUpdateInput): Promise<Cohort> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Cohort', 'id');
    return unitOfWork(this.ctx, 'cohortUpdate', async (em) => {
      const cohort = await em.getRepository(Cohort).findById(id);
      if (!cohort) throw cohortNotFound('id');
      await this.offerings.changeOffering(em, cohort.offeringId, {
        capacity: input.capacity,
        status: input.status,
        promotionPolicy: input.promotionPolicy,
        offerHoldHours: input.offerHoldHours,
        requiresApproval: input.requiresApproval,
      });
      return cohort;
    });
  }

  async register(input: CohortRegisterInput) {
    await assertValidInput(input);
    const cohortId = requireEntityId(input.cohortId, 'Cohort', 'cohortId');
    const personId = personOrSelf(input.personId, this.ctx.access);
    const direct = await this.offerings.registerDirectly('cohortRegister', { type: 'Cohort', id: cohortId }, personId);
    if (direct) return direct;
    return unitOfWork(this.ctx, 'cohortRegister', async (em) => {
      const cohort = await em.getRepository(Cohort).findById(cohortId);
      if (!cohort) throw cohortNotFound('cohortId');
      return this.offerings.register(em, cohort.offeringId, personId, 'cohortId');
    });
  }

  async transfer(input: RegistrationTransferInput) {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    const cohortId = requireEntityId(input.cohortId, 'Cohort', 'cohortId');
    return unitOfWork(this.ctx, 'registrationTransfer', async (em) => {
      const cohort = await em.getRepository(Cohort).findById(cohortId);
      if (!cohort) throw cohortNotFound('cohortId');
      return this.offerings.transfer(em, id, cohort.offeringId, 'cohortId');
    });
  }
}
