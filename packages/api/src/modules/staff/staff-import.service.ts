import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { AccountService } from '../auth/account.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { PersonPolicy } from '../person/person.policy.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import type { HeldRole } from '../role-assignment/role-assignment.policy.js';
import { Employment } from './employment.entity.js';
import { readStaffFile, type StaffField } from './staff-import-file.js';
import { planStaffImport, type KnownPerson, type PlanRow, type StaffPlan } from './staff-import-plan.js';
import { StaffImportAction } from './staff.enums.js';
import { StaffErrors } from './staff.errors.js';
import type { StaffImportInput } from './staff.inputs.js';
import { StaffPolicy } from './staff.policy.js';

export interface StaffImportReport {
  imported: boolean;
  /** The header of each known column, as the file has it. */
  columns: Partial<Record<StaffField, string>>;
  rows: PlanRow[];
  summary: Record<'created' | 'updated' | 'unchanged' | 'ended' | 'failed' | 'invited', number>;
}

/** Thrown out of the unit of work when nothing is to be written (dry run, a bad row, no change): it rolls back, with no audit entry. */
class NothingWritten {
  constructor(readonly plan: StaffPlan) {}
}

/**
 * Staff files from HR systems: the whole file is planned in memory against the organisation's
 * registered staff (a handful of statements whatever its size), then written in one transaction with
 * one audit entry, or not at all.
 */
export class StaffImportService {
  constructor(private readonly ctx: ServiceContext) {}

  async import(input: StaffImportInput): Promise<StaffImportReport> {
    await assertValidInput(input);
    const organisationId = requireEntityId(input.organisationId, 'Organisation', 'organisationId');
    const access = this.ctx.access;
    access.require(
      StaffPolicy.of(access).canManageStaff(organisationId),
      'organisationId',
      "Only the organisation's administrators (or an API client with WRITE_DIRECTORY for it) import its staff.",
    );
    if (input.invite && access.actor.kind !== 'person') throw StaffErrors.inviteNotForApiClients();
    const file = await readStaffFile(input.file, input.format);

    let plan: StaffPlan;
    const created: Person[] = [];
    try {
      await unitOfWork(
        this.ctx,
        'staffImport',
        async (em) => {
          const employments = em.getRepository(Employment);
          const organisation = await employments.lockOrganisation(organisationId);
          if (!organisation) throw StaffErrors.organisationNotFound('organisationId');
          const [workplaces, registered, byEmail] = [
            await employments.workplacesOf(organisationId),
            await employments.findAllOfOrganisation(organisationId),
            await employments.peopleWithEmails(file.rows.flatMap((row) => (row.values.email ? [row.values.email] : []))),
          ];
          const people = new Map<string, Person>();
          for (const employment of registered) people.set(employment.person.id, employment.person.getEntity());
          for (const person of byEmail) people.set(person.id, person);
          const mayRename = await this.renameRights(em, [...people.values()]);
          plan = planStaffImport({
            file,
            organisationId,
            today: this.ctx.today,
            complete: input.complete,
            workplaces: workplaces.map((workplace) => ({ id: workplace.id, name: workplace.name })),
            employments: registered.map((employment) => ({
              id: employment.id,
              personId: employment.person.id,
              workplaceId: employment.workplace.id,
              startsOn: employment.startsOn,
              endsOn: employment.endsOn,
              employeeNumber: employment.employeeNumber,
              title: employment.title,
            })),
            people: [...people.values()].map((person): KnownPerson => ({
              id: person.id,
              firstName: person.firstName,
              lastName: person.lastName,
              email: person.email,
              homeOrganisationId: person.homeOrganisation.id,
              erased: person.erasedAt !== null,
              mayRename: mayRename(person),
            })),
          });
          const changes =
            plan.newPeople.length +
            plan.renamedPeople.length +
            plan.newEmployments.length +
            plan.changedEmployments.length +
            plan.removedEmploymentIds.length;
          if (plan.failed || input.dryRun || changes === 0) throw new NothingWritten(plan);
          this.apply(em, plan, organisation, people, registered, created);
          return organisation;
        },
        input.invite
          ? async (em) => {
              const accounts = new AccountService(this.ctx);
              for (const person of created) await accounts.inviteAlongside(em, person, 'invite');
            }
          : undefined,
      );
    } catch (error) {
      if (!(error instanceof NothingWritten)) throw error;
      return report(error.plan, false, 0, file.columns);
    }
    return report(plan!, true, input.invite ? created.length : 0, file.columns);
  }

  private apply(
    em: EntityManager,
    plan: StaffPlan,
    organisation: Organisation,
    people: Map<string, Person>,
    registered: Employment[],
    created: Person[],
  ): void {
    const newPeople = new Map<string, Person>();
    for (const person of plan.newPeople) {
      const entity = em.create(Person, {
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        homeOrganisation: organisation,
      });
      newPeople.set(person.key, entity);
      created.push(entity);
    }
    for (const renamed of plan.renamedPeople) {
      const person = people.get(renamed.id)!;
      person.firstName = renamed.firstName;
      person.lastName = renamed.lastName;
    }
    const byId = new Map(registered.map((employment) => [employment.id, employment]));
    for (const change of plan.changedEmployments) Object.assign(byId.get(change.id)!, change.set);
    for (const id of plan.removedEmploymentIds) em.remove(byId.get(id)!);
    for (const employment of plan.newEmployments) {
      em.create(Employment, {
        person: 'existing' in employment.person ? people.get(employment.person.existing)! : newPeople.get(employment.person.created)!,
        workplace: employment.workplaceId,
        organisation,
        startsOn: employment.startsOn,
        endsOn: employment.endsOn,
        employeeNumber: employment.employeeNumber,
        title: employment.title,
      });
    }
  }

  /** Whom the caller may rename: administrators anyone; others the people holding (now or later) no role beyond what they manage. */
  private async renameRights(em: EntityManager, people: Person[]): Promise<(person: Person) => boolean> {
    const access = this.ctx.access;
    if (access.isAdministrator) return () => true;
    const held = new Map<string, HeldRole[]>(people.map((person) => [person.id, []]));
    const roles = await em.getRepository(RoleAssignment).findOpenForPeople(
      people.map((person) => person.id),
      this.ctx.today,
    );
    for (const role of roles) {
      held.get(role.person.id)?.push({
        role: role.role,
        organisationId: role.organisation?.id ?? role.workplace?.getEntity().organisation.id ?? null,
      });
    }
    const policy = PersonPolicy.of(access);
    return (person) => policy.canChangePerson(person.homeOrganisation.id, held.get(person.id) ?? []);
  }
}

function report(plan: StaffPlan, imported: boolean, invited: number, columns: StaffImportReport['columns']): StaffImportReport {
  const count = (action: StaffImportAction) => plan.rows.filter((row) => row.action === action).length;
  return {
    imported,
    columns,
    rows: plan.rows,
    summary: {
      created: count(StaffImportAction.CREATED),
      updated: count(StaffImportAction.UPDATED),
      unchanged: count(StaffImportAction.UNCHANGED),
      ended: count(StaffImportAction.ENDED),
      failed: count(StaffImportAction.FAILED),
      invited,
    },
  };
}
