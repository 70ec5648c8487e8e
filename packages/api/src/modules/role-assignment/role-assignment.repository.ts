import { findRows, type PlainRow } from '../../platform/database/plain-rows.js';
import { EntityRepository, type FilterQuery, type Loaded } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { RoleAssignment, type Role } from './role-assignment.entity.js';
import type { RoleAssignmentFilterInput, RoleAssignmentOrderField } from './role-assignment.inputs.js';
import type { HeldRole } from './role-assignment.policy.js';

/** Assignments whose period [startsOn, endsOn) contains `day`. */
export function activeOn(day: string) {
  return { startsOn: { $lte: day }, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] };
}

export class RoleAssignmentRepository extends EntityRepository<RoleAssignment> {
  /** The assignments a read scope covers: one's own, and those in or at the organisations and workplaces. */
  visibleTo(scope: ReadScope): FilterQuery<RoleAssignment> {
    if (scope.everything) return {};
    const covered: FilterQuery<RoleAssignment>[] = [
      { organisation: { $in: scope.organisationIds } },
      { workplace: { organisation: { $in: scope.organisationIds } } },
      { workplace: { $in: scope.workplaceIds } },
    ];
    if (scope.selfPersonId) covered.push({ person: scope.selfPersonId });
    return { $or: covered };
  }

  findByIds(ids: string[], scope: ReadScope): Promise<RoleAssignment[]> {
    return this.find({ $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  /** As `findByIds`, as plain rows (the read path). */
  findRowsByIds(ids: string[], scope: ReadScope): Promise<PlainRow<RoleAssignment>[]> {
    return findRows(this.em, RoleAssignment, { $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  findVisible(id: string, scope: ReadScope): Promise<RoleAssignment | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] });
  }

  /** Plain rows (the read path). */
  findActiveAtWorkplaces(workplaceIds: string[], role: Role, day: string, scope: ReadScope): Promise<PlainRow<RoleAssignment>[]> {
    return findRows(
      this.em,
      RoleAssignment,
      { $and: [{ workplace: { $in: workplaceIds }, role, ...activeOn(day) }, this.visibleTo(scope)] },
      [{ startsOn: 'asc' }, { id: 'asc' }],
    );
  }

  /** Plain rows (the read path). */
  findForPeople(personIds: string[], day: string | null, scope: ReadScope): Promise<PlainRow<RoleAssignment>[]> {
    const period = day ? activeOn(day) : {};
    return findRows(this.em, RoleAssignment, { $and: [{ person: { $in: personIds }, ...period }, this.visibleTo(scope)] }, [
      { startsOn: 'desc' },
      { id: 'asc' },
    ]);
  }

  /** Assignments of a role at a workplace that are open on or after `day` (current or future holders). */
  findHoldingFrom(workplaceId: string, role: Role, day: string): Promise<RoleAssignment[]> {
    return this.find({ workplace: workplaceId, role, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] }, { orderBy: { startsOn: 'asc' } });
  }

  /** The roles a person holds on a day: what they may see and do. */
  findActiveForPerson(personId: string, day: string): Promise<RoleAssignment[]> {
    return this.find({ person: personId, ...activeOn(day) });
  }

  /** The person's assignments of this role in this scope that are open on or after `day`. */
  findOpenInScope(personId: string, role: Role, scope: { workplaceId: string | null; organisationId: string | null }, day: string) {
    return this.find({
      person: personId,
      role,
      workplace: scope.workplaceId,
      organisation: scope.organisationId,
      $or: [{ endsOn: null }, { endsOn: { $gt: day } }],
    });
  }

  /**
   * The roles a person holds on `day` or from a later day, each with the organisation it belongs to (a
   * workplace role: the workplace's): what decides who may change the person.
   */
  async findHeldOnOrAfter(personId: string, day: string): Promise<HeldRole[]> {
    return (await this.findOpenForPeople([personId], day)).map((assignment) => ({
      role: assignment.role,
      organisationId: assignment.organisation?.id ?? assignment.workplace?.getEntity().organisation.id ?? null,
    }));
  }

  /** A person's assignments still open on `day` (to end them when the person's data is erased). */
  findOpenForPerson(personId: string, day: string): Promise<RoleAssignment[]> {
    return this.find({ person: personId, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] });
  }

  /** The assignments of these people still open on `day`, held now or starting later, with their workplaces (whose organisation decides who manages them). */
  findOpenForPeople(personIds: string[], day: string): Promise<RoleAssignment[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.find({ person: { $in: personIds }, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] }, { populate: ['workplace'] });
  }

  /** Assignments at the workplace still open on `day` (to end them when the workplace leaves). */
  findOpenAtWorkplace(workplaceId: string, day: string): Promise<RoleAssignment[]> {
    return this.find({ workplace: workplaceId, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] });
  }

  /** Every assignment a person holds or held, in the order they started. */
  findAllForPerson(personId: string): Promise<RoleAssignment[]> {
    return this.find({ person: personId }, { orderBy: { startsOn: 'asc' } });
  }

  findIdsForPerson(personId: string): Promise<Pick<RoleAssignment, 'id'>[]> {
    return this.find({ person: personId }, { fields: ['id'] });
  }

  findPage(
    filter: RoleAssignmentFilterInput | undefined,
    page: PageRequest<RoleAssignmentOrderField>,
    scope: ReadScope,
  ): Promise<Connection<RoleAssignment>> {
    const where: FilterQuery<RoleAssignment>[] = [this.visibleTo(scope)];
    if (filter?.personId) where.push({ person: argumentEntityId(filter.personId, 'Person', 'filter.personId') });
    if (filter?.workplaceId) where.push({ workplace: argumentEntityId(filter.workplaceId, 'Workplace', 'filter.workplaceId') });
    if (filter?.organisationId) {
      const organisationId = argumentEntityId(filter.organisationId, 'Organisation', 'filter.organisationId');
      // An organisation's assignments: those held in it and those at its workplaces.
      where.push({ $or: [{ organisation: organisationId }, { workplace: { organisation: organisationId } }] });
    }
    // An empty list of roles matches nothing, as an empty list does everywhere else.
    if (filter?.roles) where.push({ role: { $in: filter.roles } });
    if (filter?.activeOn) where.push(activeOn(filter.activeOn));
    if (filter?.updatedSince) where.push({ updatedAt: { $gte: filter.updatedSince } });
    return findPage(this.em, RoleAssignment, { $and: where }, page);
  }

  /** The assignments of a role (in an organisation) active on the day, with only their person loaded. */
  findHoldersOn(where: { role: Role; organisation?: string }, day: string): Promise<Loaded<RoleAssignment, never, 'person'>[]> {
    return this.find({ ...where, ...activeOn(day) }, { fields: ['person'] });
  }
}
