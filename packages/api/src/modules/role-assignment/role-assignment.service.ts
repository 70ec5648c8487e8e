import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { Workplace, WorkplaceStatus } from '../workplace/workplace.entity.js';
import { WorkplaceErrors } from '../workplace/workplace.errors.js';
import { Role, RoleAssignment, SINGLE_HOLDER_ROLES, WORKPLACE_ROLES } from './role-assignment.entity.js';
import { RoleAssignmentErrors } from './role-assignment.errors.js';
import type {
  RoleAssignmentCreateInput,
  RoleAssignmentEndInput,
  RoleAssignmentFilterInput,
  RoleAssignmentMoveInput,
  RoleAssignmentOrderField,
} from './role-assignment.inputs.js';
import { RoleAssignmentPolicy } from './role-assignment.policy.js';
import { PersonPolicy } from '../person/person.policy.js';
import { AccountService } from '../auth/account.service.js';

interface AssignmentRequest {
  personId: string;
  role: Role;
  workplaceId: string | null;
  organisationId: string | null;
  startsOn: string;
}

export class RoleAssignmentService {
  constructor(private readonly ctx: ServiceContext) {}

  list(filter: RoleAssignmentFilterInput | undefined, page: PageRequest<RoleAssignmentOrderField>): Promise<Connection<RoleAssignment>> {
    return this.ctx.em.getRepository(RoleAssignment).findPage(filter, page, PersonPolicy.of(this.ctx.access).readScope());
  }

  async create(input: RoleAssignmentCreateInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const request = this.assignmentTarget(input);
    return unitOfWork(
      this.ctx,
      'roleAssignmentCreate',
      (em) => this.assign(em, request),
      input.invite
        ? (em, assignment) => new AccountService(this.ctx).inviteAlongside(em, assignment.person.getEntity(), 'invite')
        : undefined,
    );
  }

  /** Ends an assignment on `endsOn` (default today); one that has not started yet is cancelled. */
  async end(input: RoleAssignmentEndInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'RoleAssignment', 'id');
    return unitOfWork(this.ctx, 'roleAssignmentEnd', async (em) => {
      const assignment = await em.getRepository(RoleAssignment).findVisible(id, PersonPolicy.of(this.ctx.access).readScope());
      if (!assignment) throw RoleAssignmentErrors.notFound('id');
      this.ctx.access.require(
        RoleAssignmentPolicy.of(this.ctx.access).canManageRole(assignment.role, await this.organisationOf(em, assignment)),
        null,
        'You may not end this role.',
      );
      const endsOn = input.endsOn ?? (assignment.startsOn > this.ctx.today ? assignment.startsOn : this.ctx.today);
      if (assignment.endsOn !== null && assignment.endsOn <= endsOn) throw RoleAssignmentErrors.alreadyEnded();
      if (endsOn < assignment.startsOn) throw RoleAssignmentErrors.endsBeforeStart('endsOn');
      assignment.endsOn = endsOn;
      return assignment;
    });
  }

  async move(input: RoleAssignmentMoveInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'RoleAssignment', 'id');
    const targetWorkplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    return unitOfWork(this.ctx, 'roleAssignmentMove', async (em) => {
      const current = await em.getRepository(RoleAssignment).findVisible(id, PersonPolicy.of(this.ctx.access).readScope());
      if (!current) throw RoleAssignmentErrors.notFound('id');
      if (!current.workplace || !WORKPLACE_ROLES.has(current.role)) throw RoleAssignmentErrors.notAWorkplaceRole();
      if (current.workplace.id === targetWorkplaceId) throw RoleAssignmentErrors.sameWorkplace();
      this.ctx.access.require(
        RoleAssignmentPolicy.of(this.ctx.access).canManageRole(current.role, await this.organisationOf(em, current)),
        null,
        'You may not move this role.',
      );
      const movesOn = input.movesOn ?? this.ctx.today;
      if (!current.isActiveOn(movesOn)) throw RoleAssignmentErrors.notActiveOn(movesOn);
      current.endsOn = movesOn;
      return this.assign(em, {
        personId: current.person.id,
        role: current.role,
        workplaceId: targetWorkplaceId,
        organisationId: null,
        startsOn: movesOn,
      });
    });
  }

  /** Reads who gets which role where from the input: which of workplace and organisation the role needs. */
  private assignmentTarget(input: RoleAssignmentCreateInput): AssignmentRequest {
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    const startsOn = input.startsOn ?? this.ctx.today;
    if (WORKPLACE_ROLES.has(input.role)) {
      if (!input.workplaceId) throw RoleAssignmentErrors.workplaceRequired(input.role);
      if (input.organisationId) throw RoleAssignmentErrors.scopeNotAllowed('organisationId', input.role);
      return {
        personId,
        role: input.role,
        workplaceId: requireEntityId(input.workplaceId, 'Workplace', 'workplaceId'),
        organisationId: null,
        startsOn,
      };
    }
    if (input.workplaceId) throw RoleAssignmentErrors.scopeNotAllowed('workplaceId', input.role);
    if (input.role === Role.ORGANISATION_ADMIN) {
      if (!input.organisationId) throw RoleAssignmentErrors.organisationRequired();
      return {
        personId,
        role: input.role,
        workplaceId: null,
        organisationId: requireEntityId(input.organisationId, 'Organisation', 'organisationId'),
        startsOn,
      };
    }
    if (input.organisationId) throw RoleAssignmentErrors.scopeNotAllowed('organisationId', input.role);
    return { personId, role: input.role, workplaceId: null, organisationId: null, startsOn };
  }

  /** The organisation an assignment belongs to (null for ADMINISTRATOR), which decides who may manage it. */
  private async organisationOf(em: EntityManager, assignment: RoleAssignment): Promise<string | null> {
    if (assignment.organisation) return assignment.organisation.id;
    if (!assignment.workplace) return null;
    const workplace = await em.getRepository(Workplace).findOneOrFail({ id: assignment.workplace.id });
    return workplace.organisation.id;
  }

  /** Creates the assignment inside the caller's transaction, ending the current single holder if there is one. */
  private async assign(em: EntityManager, request: AssignmentRequest): Promise<RoleAssignment> {
    const scope = PersonPolicy.of(this.ctx.access).readScope();
    const assignments = em.getRepository(RoleAssignment);
    // Locked: two requests giving the same person the same role must not both pass the check below.
    const person = await em.getRepository(Person).lockVisible(request.personId, scope);
    if (!person) throw PersonErrors.notFound('personId');

    let organisationId = request.organisationId;
    if (request.workplaceId) {
      const workplace = await em.getRepository(Workplace).lockVisible(request.workplaceId, scope);
      if (!workplace) throw WorkplaceErrors.notFound('workplaceId');
      if (workplace.status === WorkplaceStatus.LEFT) throw RoleAssignmentErrors.workplaceLeft();
      if (request.startsOn < workplace.joinedOn) throw RoleAssignmentErrors.startsBeforeWorkplaceJoined(workplace.joinedOn);
      organisationId = workplace.organisation.id;
    } else if (request.organisationId && !(await em.getRepository(Organisation).findOne({ id: request.organisationId }))) {
      throw OrganisationErrors.notFound('organisationId');
    }
    this.ctx.access.require(
      RoleAssignmentPolicy.of(this.ctx.access).canManageRole(request.role, organisationId),
      null,
      'You may not give this role.',
    );

    const scopeIds = { workplaceId: request.workplaceId, organisationId: request.organisationId };
    if ((await assignments.findOpenInScope(request.personId, request.role, scopeIds, request.startsOn)).length > 0) {
      throw RoleAssignmentErrors.alreadyHeld();
    }
    if (request.workplaceId && SINGLE_HOLDER_ROLES.has(request.role)) {
      for (const holder of await assignments.findHoldingFrom(request.workplaceId, request.role, request.startsOn)) {
        if (holder.startsOn > request.startsOn) throw RoleAssignmentErrors.laterHolderExists(holder.startsOn);
        holder.endsOn = request.startsOn;
      }
    }
    return em.create(RoleAssignment, {
      person,
      role: request.role,
      workplace: request.workplaceId,
      organisation: request.organisationId,
      startsOn: request.startsOn,
    });
  }
}
