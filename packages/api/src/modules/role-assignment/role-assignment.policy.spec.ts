import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, ORG_A, ORG_B, PEOPLE } from '../../testing/access-actors.js';
import { ApiScope, Role } from '../../platform/access/vocabulary.js';
import { RoleAssignmentPolicy } from './role-assignment.policy.js';

const ORGANISATION_ROLES = [Role.MANAGER, Role.WORKPLACE_COORDINATOR, Role.COMPETENCE_COORDINATOR, Role.ORGANISATION_ADMIN];

describe('RoleAssignmentPolicy.canManageRole', () => {
  it('administrators manage every role, ADMINISTRATOR included', () => {
    const policy = RoleAssignmentPolicy.of(access(PEOPLE.administrator));
    for (const role of Object.values(Role)) {
      expect([policy.canManageRole(role, ORG_A), policy.canManageRole(role, ORG_B), policy.canManageRole(role, null)]).toEqual([
        true,
        true,
        true,
      ]);
    }
  });

  it('an organisation admin manages the roles of their organisation, never ADMINISTRATOR', () => {
    const policy = RoleAssignmentPolicy.of(access(PEOPLE.organisationAdmin));
    for (const role of ORGANISATION_ROLES) {
      expect([policy.canManageRole(role, ORG_A), policy.canManageRole(role, ORG_B), policy.canManageRole(role, null)]).toEqual([
        true,
        false,
        false,
      ]);
    }
    expect(policy.canManageRole(Role.ADMINISTRATOR, ORG_A)).toBe(false);
  });

  it.each([
    ['manager', PEOPLE.manager],
    ['workplace coordinator', PEOPLE.workplaceCoordinator],
    ['competence coordinator', PEOPLE.competenceCoordinator],
    ['person with no role', PEOPLE.noRole],
    ['person whose role starts later', PEOPLE.futureRole],
    ['anonymous caller', ANONYMOUS_ACTOR],
  ])('a %s manages no role', (_name, actor) => {
    const policy = RoleAssignmentPolicy.of(access(actor));
    for (const role of Object.values(Role)) expect(policy.canManageRole(role, ORG_A)).toBe(false);
  });

  it.each(API_SCOPES)('an API client with %s', (scope) => {
    const writes = scope === ApiScope.WRITE_DIRECTORY;
    const countyWide = RoleAssignmentPolicy.of(access(apiClientActor([scope], null)));
    const ofA = RoleAssignmentPolicy.of(access(apiClientActor([scope], ORG_A)));
    for (const role of ORGANISATION_ROLES) {
      expect([countyWide.canManageRole(role, ORG_A), countyWide.canManageRole(role, ORG_B)]).toEqual([writes, writes]);
      expect([ofA.canManageRole(role, ORG_A), ofA.canManageRole(role, ORG_B)]).toEqual([writes, false]);
    }
    expect(countyWide.canManageRole(Role.ADMINISTRATOR, null)).toBe(false);
    expect(countyWide.canManageRole(Role.ADMINISTRATOR, ORG_A)).toBe(false);
  });
});
