import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { RoleAssignment } from './role-assignment.entity.js';

export const roleAssignmentPersonalData: PersonalDataContributor = {
  entities: [RoleAssignment],
  async subjectsAbout(em, personId) {
    const roles = await em.getRepository(RoleAssignment).findIdsForPerson(personId);
    return [{ type: 'RoleAssignment', ids: roles.map((role) => role.id) }];
  },
  async export(em, personId) {
    const roles = await em.getRepository(RoleAssignment).findAllForPerson(personId);
    return {
      roleAssignments: roles.map((role) => ({
        id: role.id,
        role: role.role,
        workplaceId: role.workplace?.id ?? null,
        organisationId: role.organisation?.id ?? null,
        startsOn: role.startsOn,
        endsOn: role.endsOn,
      })),
    };
  },
  // Roles end today (or are cancelled if not yet started); their history stays, anonymous.
  eraseOrder: 40,
  async erase(em, person, ctx) {
    for (const role of await em.getRepository(RoleAssignment).findOpenForPerson(person.id, ctx.today)) {
      role.endsOn = role.startsOn > ctx.today ? role.startsOn : ctx.today;
    }
  },
};
