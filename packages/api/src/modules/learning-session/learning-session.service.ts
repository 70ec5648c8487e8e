import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { RequestError } from '../../platform/errors/request-error.js';
import { DomainError } from '../../platform/errors/user-error.js';
import { argumentEntityId, requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { catalogueScope } from '../catalogue/catalogue-scope.js';
import { LearningModule } from '../catalogue/learning-module.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningHours } from './learning-hours.entity.js';
import { MONTH_PATTERN, minutesBetween } from './learning-month.js';
import { LearningSession } from './learning-session.entity.js';
import { LearningAttestationStep, LearningEvidenceMethod, type LearningSessionOrderField } from './learning-session.enums.js';
import { LearningSessionErrors } from './learning-session.errors.js';
import type {
  LearningParticipantInput,
  LearningSessionCancelInput,
  LearningSessionCreateInput,
  LearningSessionPaperListInput,
  LearningSessionUpdateInput,
} from './learning-session.inputs.js';
import { LearningSessionPolicy } from './learning-session.policy.js';

interface Participant {
  personId: string;
  /** null: the session's length. */
  minutes: number | null;
}

/** Registering, changing and cancelling learning sessions, and recording them from signed paper lists. */
export class LearningSessionService {
  constructor(private readonly ctx: ServiceContext) {}

  private get policy(): LearningSessionPolicy {
    return LearningSessionPolicy.of(this.ctx.access);
  }

  /** A workplace's sessions the caller may read (none when they may not read the workplace's). */
  list(
    workplaceGlobalId: string,
    month: string | null,
    page: PageRequest<LearningSessionOrderField>,
  ): Promise<Connection<LearningSession>> {
    const workplaceId = argumentEntityId(workplaceGlobalId, 'Workplace', 'workplaceId');
    if (month !== null && !MONTH_PATTERN.test(month))
      throw new RequestError('BAD_USER_INPUT', '`month` must be a month YYYY-MM.', { argumentName: 'month' });
    return this.ctx.em.getRepository(LearningSession).findPage({ workplaceId, month }, page, this.policy.scope());
  }

  create(input: LearningSessionCreateInput): Promise<LearningSession> {
    return this.register(input, null, 'learningSessionCreate');
  }

  async recordPaperList(input: LearningSessionPaperListInput, ipAddress: string): Promise<LearningSession> {
    // The input's own checks first, so a bad number is named before any id is looked at.
    await assertValidInput(input);
    return this.register(
      input,
      { signedById: requireEntityId(input.paperListSignedById, 'Person', 'paperListSignedById'), ipAddress },
      'learningSessionRecordPaperList',
    );
  }

  private async register(
    input: LearningSessionCreateInput,
    paper: { signedById: string; ipAddress: string } | null,
    operation: string,
  ): Promise<LearningSession> {
    await assertValidInput(input);
    const workplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    if (minutesBetween(input.startsAt, input.endsAt) <= 0) throw LearningSessionErrors.timesOutOfOrder();
    const moduleIds = await this.checkModules(input.moduleIds);
    const participants = this.readParticipants(input.participants ?? []);
    return unitOfWork(this.ctx, operation, async (em) => {
      const workplace = await em.getRepository(Workplace).findOne({ id: workplaceId });
      const place = workplace && { id: workplace.id, organisationId: workplace.organisation.id };
      if (!place || !this.policy.canRead(place)) throw LearningSessionErrors.workplaceNotFound();
      if (paper ? !this.policy.canRecordPaperList(place.id) : !this.policy.canRegister(place))
        throw paper ? LearningSessionErrors.mayNotRecordPaperList() : LearningSessionErrors.mayNotRegister();
      const sessions = em.getRepository(LearningSession);
      const month = input.heldOn.slice(0, 7);
      if (await sessions.isClosed(month, place.organisationId)) throw LearningSessionErrors.monthClosed(month);
      if (paper && !(await sessions.isManagerOn(place.id, paper.signedById, input.heldOn))) throw LearningSessionErrors.notSigningManager();
      const personId = this.ctx.access.personId;
      const session = em.create(LearningSession, {
        workplace: place.id,
        organisation: place.organisationId,
        heldOn: input.heldOn,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        type: input.type,
        moduleIds: moduleIds ?? [],
        teacherNeeded: input.teacherNeeded ?? false,
        teacher: await this.teacher(em, input.teacherId),
        funderReference: input.funderReference ? input.funderReference : null,
        registeredBy: personId ? em.getReference(Person, personId, { wrapped: true }) : null,
        paperListSignedBy: paper ? em.getReference(Person, paper.signedById, { wrapped: true }) : null,
      });
      const rows = await this.writeParticipants(em, session, participants);
      if (paper) this.attestFromPaper(em, session, rows, paper);
      return session;
    });
  }

  async update(input: LearningSessionUpdateInput): Promise<LearningSession> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningSession', 'id');
    const moduleIds = await this.checkModules(input.moduleIds);
    const participants = input.participants ? this.readParticipants(input.participants) : null;
    return unitOfWork(this.ctx, 'learningSessionUpdate', async (em) => {
      const session = await this.lockChangeable(em, id);
      const before = { heldOn: session.heldOn, minutes: minutesBetween(session.startsAt, session.endsAt) };
      const heldOn = input.heldOn ?? session.heldOn;
      if (
        heldOn.slice(0, 7) !== before.heldOn.slice(0, 7) &&
        (await em.getRepository(LearningSession).isClosed(heldOn.slice(0, 7), session.organisation.id))
      )
        throw LearningSessionErrors.monthClosed(heldOn.slice(0, 7));
      const startsAt = input.startsAt ?? session.startsAt;
      const endsAt = input.endsAt ?? session.endsAt;
      if (minutesBetween(startsAt, endsAt) <= 0) throw LearningSessionErrors.timesOutOfOrder();
      Object.assign(session, { heldOn, startsAt, endsAt });
      if (input.type) session.type = input.type;
      if (moduleIds) session.moduleIds = moduleIds;
      if (input.teacherNeeded !== undefined && input.teacherNeeded !== null) session.teacherNeeded = input.teacherNeeded;
      if (input.teacherId !== undefined && input.teacherId !== null) session.teacher = await this.teacher(em, input.teacherId);
      if (input.funderReference !== undefined && input.funderReference !== null) session.funderReference = input.funderReference || null;
      const existing = await em.getRepository(LearningSession).findHoursOfSessions([session.id]);
      // Without a new list, the participants stay; those who had the whole session get its new length.
      const kept =
        participants ?? existing.map((row) => ({ personId: row.person.id, minutes: row.minutes === before.minutes ? null : row.minutes }));
      for (const row of existing) em.remove(row);
      await em.flush();
      await this.writeParticipants(em, session, kept);
      return session;
    });
  }

  async cancel(input: LearningSessionCancelInput): Promise<LearningSession> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'LearningSession', 'id');
    return unitOfWork(this.ctx, 'learningSessionCancel', async (em) => {
      const session = await this.lockChangeable(em, id);
      session.cancelledAt = new Date();
      session.cancelReason = input.reason;
      // A cancelled session holds no hours.
      for (const row of await em.getRepository(LearningSession).findHoursOfSessions([session.id])) em.remove(row);
      return session;
    });
  }

  /** A session the caller may change: visible, theirs to register, standing, its month open, no hours signed yet. */
  private async lockChangeable(em: EntityManager, id: string): Promise<LearningSession> {
    const sessions = em.getRepository(LearningSession);
    const session = await sessions.lockVisible(id, this.policy.scope());
    if (!session) throw LearningSessionErrors.notFound();
    if (!this.policy.canRegister({ id: session.workplace.id, organisationId: session.organisation.id }))
      throw LearningSessionErrors.mayNotRegister();
    const month = session.heldOn.slice(0, 7);
    if (await sessions.isClosed(month, session.organisation.id)) throw LearningSessionErrors.monthClosed(month, 'id');
    if (session.cancelledAt) throw LearningSessionErrors.cancelled();
    const rows = await sessions.findHoursOfSessions([session.id]);
    if (rows.some((row) => row.confirmation !== null)) throw LearningSessionErrors.hoursSigned();
    return session;
  }

  private readParticipants(inputs: LearningParticipantInput[]): Participant[] {
    const seen = new Set<string>();
    return inputs.map((participant, index) => {
      const personId = requireEntityId(participant.personId, 'Person', `participants.${index}.personId`);
      if (seen.has(personId)) throw LearningSessionErrors.duplicateParticipant(`participants.${index}.personId`);
      seen.add(personId);
      const minutes = participant.hours === undefined || participant.hours === null ? null : Math.round(participant.hours * 60);
      if (minutes !== null && (minutes < 1 || minutes > 1440)) throw LearningSessionErrors.hoursTooLong(`participants.${index}.hours`);
      return { personId, minutes };
    });
  }

  /** The participants' hours rows, after checking each belongs to the workplace on the day. */
  private async writeParticipants(em: EntityManager, session: LearningSession, participants: Participant[]): Promise<LearningHours[]> {
    const eligible = await em.getRepository(LearningSession).eligibleParticipants(
      session.workplace.id,
      session.heldOn,
      participants.map((participant) => participant.personId),
    );
    const missing = participants.flatMap((participant, index) =>
      eligible.has(participant.personId) ? [] : LearningSessionErrors.notAtWorkplace(`participants.${index}.personId`).errors,
    );
    if (missing.length > 0) throw new DomainError(missing);
    const length = minutesBetween(session.startsAt, session.endsAt);
    return participants.map((participant) =>
      em.create(LearningHours, {
        session,
        person: participant.personId,
        workplace: session.workplace.id,
        heldOn: session.heldOn,
        month: session.heldOn.slice(0, 7),
        minutes: participant.minutes ?? length,
      }),
    );
  }

  /** A paper list signed by the participants and the named manager: both steps, for each row, say so. */
  private attestFromPaper(
    em: EntityManager,
    session: LearningSession,
    rows: LearningHours[],
    paper: { signedById: string; ipAddress: string },
  ): void {
    const recorder = this.ctx.access.personId;
    for (const row of rows) {
      const common = {
        participant: row.person.id,
        workplace: row.workplace.id,
        month: row.month,
        minutes: row.minutes,
        method: LearningEvidenceMethod.PAPER_LIST,
        ipAddress: paper.ipAddress,
        recordedBy: recorder,
        session,
      };
      // The participant signed the list for the first step, the named manager for the second.
      row.confirmation = ref(
        em.create(LearningAttestation, { ...common, step: LearningAttestationStep.CONFIRMED, signedBy: row.person.id }),
      );
      row.attestation = ref(
        em.create(LearningAttestation, { ...common, step: LearningAttestationStep.ATTESTED, signedBy: paper.signedById }),
      );
    }
  }

  private async teacher(em: EntityManager, teacherId: string | null | undefined) {
    if (!teacherId) return null;
    const id = requireEntityId(teacherId, 'Person', 'teacherId');
    const person = await em.getRepository(Person).findOne({ id });
    if (!person || person.erasedAt) throw LearningSessionErrors.personNotFound('teacherId');
    return em.getReference(Person, id, { wrapped: true });
  }

  private async checkModules(moduleIds: string[] | null | undefined): Promise<string[] | null> {
    if (!moduleIds) return null;
    const ids = moduleIds.map((moduleId, index) => requireEntityId(moduleId, 'LearningModule', `moduleIds.${index}`));
    if (ids.length === 0) return [];
    const found = new Set(
      (await this.ctx.em.getRepository(LearningModule).findByIds(ids, await catalogueScope(this.ctx.em, this.ctx.access))).map((m) => m.id),
    );
    const missing = ids.flatMap((id, index) => (found.has(id) ? [] : LearningSessionErrors.moduleNotFound(`moduleIds.${index}`).errors));
    if (missing.length > 0) throw new DomainError(missing);
    return [...new Set(ids)];
  }
}
