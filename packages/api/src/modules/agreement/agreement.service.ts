import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { todayInSweden } from '../../platform/swedish-time.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { agreementEndsOn, agreementStatusOn, type AgreementStatus } from './agreement-period.js';
import { Agreement } from './agreement.entity.js';
import { AgreementErrors } from './agreement.errors.js';
import type {
  AgreementCreateInput,
  AgreementGiveNoticeInput,
  AgreementUpdateInput,
  AgreementWithdrawNoticeInput,
} from './agreement.inputs.js';
import { AgreementPolicy } from './agreement.policy.js';

export class AgreementService {
  constructor(private readonly ctx: ServiceContext) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private requireManager(): void {
    this.ctx.access.require(AgreementPolicy.of(this.ctx.access).canManage(), null, 'Only administrators enter and change agreements.');
  }

  private requireReader(): void {
    this.ctx.access.requireToRead(AgreementPolicy.of(this.ctx.access).canRead(), 'You may not read agreements.');
  }

  /** Every agreement, by organisation name; with `status`, only those in that state on `on` (default today). */
  async list(status: AgreementStatus | null, on: string | null): Promise<Agreement[]> {
    this.requireReader();
    const all = await this.em.getRepository(Agreement).findAllByOrganisationName();
    if (!status) return all;
    const day = on ?? todayInSweden();
    return all.filter((agreement) => agreementStatusOn(agreement, day) === status);
  }

  async create(input: AgreementCreateInput): Promise<Agreement> {
    this.requireManager();
    await assertValidInput(input);
    const organisationId = requireEntityId(input.organisationId, 'Organisation', 'organisationId');
    checkServices(input.services);
    checkOrder(input.signedOn, input.startsOn, input.firstPeriodEndsOn);
    return unitOfWork(this.ctx, 'agreementCreate', async (em) => {
      const organisation = await em.getRepository(Organisation).findOne({ id: organisationId });
      if (!organisation) throw AgreementErrors.organisationNotFound('organisationId');
      const agreement = em.create(Agreement, {
        organisation,
        signedOn: input.signedOn,
        startsOn: input.startsOn,
        firstPeriodEndsOn: input.firstPeriodEndsOn,
        noticePeriodMonths: input.noticePeriodMonths,
        services: [...input.services],
      });
      await assertNoOverlap(em, agreement);
      return agreement;
    });
  }

  async update(input: AgreementUpdateInput): Promise<Agreement> {
    this.requireManager();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Agreement', 'id');
    if (input.services) checkServices(input.services);
    return unitOfWork(this.ctx, 'agreementUpdate', async (em) => {
      const agreement = await em.getRepository(Agreement).findOne({ id });
      if (!agreement) throw AgreementErrors.notFound('id');
      if (input.signedOn) agreement.signedOn = input.signedOn;
      if (input.startsOn) agreement.startsOn = input.startsOn;
      if (input.firstPeriodEndsOn) agreement.firstPeriodEndsOn = input.firstPeriodEndsOn;
      if (input.noticePeriodMonths !== undefined && input.noticePeriodMonths !== null)
        agreement.noticePeriodMonths = input.noticePeriodMonths;
      if (input.services) agreement.services = [...input.services];
      checkOrder(agreement.signedOn, agreement.startsOn, agreement.firstPeriodEndsOn);
      if (agreement.noticeGivenOn && agreement.noticeGivenOn < agreement.startsOn)
        throw AgreementErrors.datesOutOfOrder('startsOn', 'The agreement cannot start after notice was given on it.');
      await assertNoOverlap(em, agreement);
      return agreement;
    });
  }

  async giveNotice(input: AgreementGiveNoticeInput): Promise<Agreement> {
    this.requireManager();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Agreement', 'id');
    return unitOfWork(this.ctx, 'agreementGiveNotice', async (em) => {
      const agreement = await em.getRepository(Agreement).findOne({ id });
      if (!agreement) throw AgreementErrors.notFound('id');
      if (agreement.noticeGivenOn) throw AgreementErrors.noticeAlreadyGiven(agreement.noticeGivenOn);
      if (input.noticeGivenOn < agreement.startsOn)
        throw AgreementErrors.datesOutOfOrder('noticeGivenOn', 'Notice cannot be given before the agreement starts.');
      agreement.noticeGivenOn = input.noticeGivenOn;
      return agreement;
    });
  }

  async withdrawNotice(input: AgreementWithdrawNoticeInput): Promise<Agreement> {
    this.requireManager();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Agreement', 'id');
    return unitOfWork(this.ctx, 'agreementWithdrawNotice', async (em) => {
      const agreement = await em.getRepository(Agreement).findOne({ id });
      if (!agreement) throw AgreementErrors.notFound('id');
      if (!agreement.noticeGivenOn) throw AgreementErrors.noNotice();
      agreement.noticeGivenOn = null;
      await assertNoOverlap(em, agreement);
      return agreement;
    });
  }
}

function checkServices(services: readonly string[]): void {
  if (new Set(services).size !== services.length) throw AgreementErrors.duplicateService('services');
}

function checkOrder(signedOn: string, startsOn: string, firstPeriodEndsOn: string): void {
  if (firstPeriodEndsOn < startsOn)
    throw AgreementErrors.datesOutOfOrder('firstPeriodEndsOn', 'The first period cannot end before the agreement starts.');
  if (signedOn > firstPeriodEndsOn)
    throw AgreementErrors.datesOutOfOrder('signedOn', 'The agreement cannot be signed after its first period ended.');
}

/** One agreement in force at a time per organisation: a new one starts after the previous one ends. */
async function assertNoOverlap(em: EntityManager, agreement: Agreement): Promise<void> {
  const others = (await em.getRepository(Agreement).findByOrganisations([agreement.organisation.id])).filter(
    (other) => other.id !== agreement.id,
  );
  const end = (a: Agreement) => agreementEndsOn(a) ?? '9999-12-31';
  if (others.some((other) => other.startsOn <= end(agreement) && agreement.startsOn <= end(other))) throw AgreementErrors.overlaps();
}
