import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { argumentEntityId, requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { IdentityNumberRepository } from '../identity-number/identity-number.repository.js';
import { openIdentityNumber } from '../identity-number/identity-number.service.js';
import { PersonIdentityNumber } from '../identity-number/person-identity-number.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { signerEvidence } from './learning-evidence.js';
import { buildFunderReport, type FunderReportFile, type ReportLanguage } from './learning-funder-report.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningMonthClose } from './learning-month-close.entity.js';
import { MONTH_PATTERN } from './learning-month.js';
import { LearningSession } from './learning-session.entity.js';
import { LearningAttestationStep } from './learning-session.enums.js';
import { LearningSessionErrors } from './learning-session.errors.js';
import type { LearningHoursAttestInput, LearningHoursConfirmInput, LearningMonthCloseInput } from './learning-session.inputs.js';
import { LearningSessionPolicy } from './learning-session.policy.js';
import type { MonthHoursRow } from './learning-session.repository.js';
import { RequestError } from '../../platform/errors/request-error.js';

/** A participant's hours per month, the two attestation steps, closing months and the funder's report. */
export class LearningHoursService {
  constructor(private readonly ctx: ServiceContext) {}

  private get policy(): LearningSessionPolicy {
    return LearningSessionPolicy.of(this.ctx.access);
  }

  /** A person's hours per month and workplace, as far as the caller may see them (their own always). */
  monthHours(personGlobalId: string, fromMonth: string | null, toMonth: string | null): Promise<MonthHoursRow[]> {
    const personId = argumentEntityId(personGlobalId, 'Person', 'personId');
    for (const [name, value] of [
      ['fromMonth', fromMonth],
      ['toMonth', toMonth],
    ] as const)
      if (value !== null && !MONTH_PATTERN.test(value))
        throw new RequestError('BAD_USER_INPUT', `\`${name}\` must be a month YYYY-MM.`, { argumentName: name });
    return this.ctx.em.getRepository(LearningSession).monthHours(personId, this.policy.hoursScope(), { from: fromMonth, to: toMonth });
  }

  /** First step: the participant confirms their own unconfirmed hours of the month at the workplace. */
  async confirm(input: LearningHoursConfirmInput, ipAddress: string): Promise<LearningAttestation> {
    await assertValidInput(input);
    const workplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    const evidence = await signerEvidence(this.ctx.em, this.ctx.access, ipAddress);
    return unitOfWork(this.ctx, 'learningHoursConfirm', async (em) => {
      const workplace = await this.openWorkplace(em, workplaceId, input.month);
      const rows = await em.getRepository(LearningSession).lockMonthHours(evidence.personId, workplace.id, input.month);
      const open = rows.filter((row) => row.confirmation === null);
      if (open.length === 0) throw LearningSessionErrors.nothingToConfirm();
      const step = em.create(LearningAttestation, {
        step: LearningAttestationStep.CONFIRMED,
        participant: evidence.personId,
        workplace: workplace.id,
        month: input.month,
        minutes: open.reduce((sum, row) => sum + row.minutes, 0),
        signedBy: evidence.personId,
        method: evidence.method,
        ipAddress: evidence.ipAddress,
      });
      for (const row of open) row.confirmation = ref(step);
      return step;
    });
  }

  /** Second step: the workplace's manager attests the participant's confirmed hours of the month. */
  async attest(input: LearningHoursAttestInput, ipAddress: string): Promise<LearningAttestation> {
    await assertValidInput(input);
    const workplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    const participantId = requireEntityId(input.personId, 'Person', 'personId');
    const evidence = await signerEvidence(this.ctx.em, this.ctx.access, ipAddress);
    return unitOfWork(this.ctx, 'learningHoursAttest', async (em) => {
      const workplace = await em.getRepository(Workplace).findOne({ id: workplaceId });
      if (!workplace || !this.policy.canRead({ id: workplace.id, organisationId: workplace.organisation.id }))
        throw LearningSessionErrors.workplaceNotFound();
      if (!this.policy.canAttest(workplace.id)) throw LearningSessionErrors.onlyManager();
      await this.openWorkplace(em, workplaceId, input.month);
      const rows = await em.getRepository(LearningSession).lockMonthHours(participantId, workplace.id, input.month);
      const pending = rows.filter((row) => row.confirmation !== null && row.attestation === null);
      if (pending.length === 0) {
        throw rows.some((row) => row.confirmation === null)
          ? LearningSessionErrors.notConfirmedYet()
          : LearningSessionErrors.nothingToAttest();
      }
      const step = em.create(LearningAttestation, {
        step: LearningAttestationStep.ATTESTED,
        participant: participantId,
        workplace: workplace.id,
        month: input.month,
        minutes: pending.reduce((sum, row) => sum + row.minutes, 0),
        signedBy: evidence.personId,
        method: evidence.method,
        ipAddress: evidence.ipAddress,
      });
      for (const row of pending) row.attestation = ref(step);
      return step;
    });
  }

  /** Closes a month for the county (no organisation) or one organisation: administrators. */
  async closeMonth(input: LearningMonthCloseInput): Promise<LearningMonthClose> {
    await assertValidInput(input);
    if (!this.policy.canCloseMonth()) throw LearningSessionErrors.mayNotClose();
    const organisationId = input.organisationId ? requireEntityId(input.organisationId, 'Organisation', 'organisationId') : null;
    return unitOfWork(this.ctx, 'learningMonthClose', async (em) => {
      if (organisationId && !(await em.getRepository(Organisation).findOne({ id: organisationId })))
        throw LearningSessionErrors.organisationNotFound();
      const sessions = em.getRepository(LearningSession);
      if ((await sessions.findClose(input.month, organisationId)) || (await sessions.findClose(input.month, null)))
        throw LearningSessionErrors.monthAlreadyClosed(input.month);
      const personId = this.ctx.access.personId;
      return em.create(LearningMonthClose, { month: input.month, organisation: organisationId, closedBy: personId });
    });
  }

  /** The closed months the caller may know of: all for administrators, the county's and their organisations' otherwise. */
  closes(): Promise<LearningMonthClose[]> {
    const scope = this.policy.scope();
    return this.ctx.em.getRepository(LearningSession).findCloses(scope.everything ? null : scope.organisationIds);
  }

  /** The funder's participant attendance report of a project and month, with personal identity numbers: administrators. */
  async funderReport(funderReference: string, month: string, language: ReportLanguage): Promise<FunderReportFile> {
    this.ctx.access.requireToRead(
      this.policy.canExportFunderReport(),
      "Only administrators export the funder's attendance report (it holds personal identity numbers).",
    );
    if (!MONTH_PATTERN.test(month)) throw new RequestError('BAD_USER_INPUT', '`month` must be a month YYYY-MM.', { argumentName: 'month' });
    const days = await this.ctx.em.getRepository(LearningSession).funderDays(funderReference, month);
    const numbers = await (this.ctx.em.getRepository(PersonIdentityNumber) as IdentityNumberRepository).findOfPeople([
      ...new Set(days.map((day) => day.person_id)),
    ]);
    const keys = this.ctx.dependencies.identityNumberKeys;
    const identityNumbers = new Map(numbers.map((row) => [row.person.id, openIdentityNumber(keys, row)]));
    return buildFunderReport({ funderReference, month, days, identityNumbers, language });
  }

  /** The workplace, when its month is open for changes. */
  private async openWorkplace(em: EntityManager, workplaceId: string, month: string): Promise<Workplace> {
    const workplace = await em.getRepository(Workplace).findOne({ id: workplaceId });
    if (!workplace) throw LearningSessionErrors.workplaceNotFound();
    if (await em.getRepository(LearningSession).isClosed(month, workplace.organisation.id))
      throw LearningSessionErrors.monthClosed(month, 'month');
    return workplace;
  }
}
