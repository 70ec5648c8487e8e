import { describe, expect, it } from 'vitest';
import { EVERYTHING, NOTHING } from '../../platform/access/read-scope.js';
import { access, ANONYMOUS_ACTOR, apiClientActor, ORG_A, ORG_B, PEOPLE, SELF, WORKPLACE_A } from '../../testing/access-actors.js';
import { ApiScope, Role } from '../../platform/access/vocabulary.js';
import { PersonPolicy } from './person.policy.js';

const own = (organisationIds: string[], workplaceIds: string[]) => ({
  everything: false,
  selfPersonId: SELF,
  organisationIds,
  workplaceIds,
});
const organisationA = { everything: false, selfPersonId: null, organisationIds: [ORG_A], workplaceIds: [] };

describe('PersonPolicy.readScope (workplaces, people and role assignments)', () => {
  it.each([
    ['administrator', PEOPLE.administrator, EVERYTHING],
    ['organisation admin', PEOPLE.organisationAdmin, own([ORG_A], [])],
    ['manager', PEOPLE.manager, own([], [WORKPLACE_A.id])],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, own([], [WORKPLACE_A.id])],
    ['competence coordinator', PEOPLE.competenceCoordinator, own([], [WORKPLACE_A.id])],
    ['person with no role', PEOPLE.noRole, own([], [])],
    ['person whose role starts later', PEOPLE.futureRole, own([], [])],
    ['anonymous caller', ANONYMOUS_ACTOR, NOTHING],
  ])('%s', (_name, actor, scope) => {
    expect(PersonPolicy.of(access(actor)).readScope()).toEqual(scope);
  });

  it.each([
    [ApiScope.READ_DIRECTORY, true],
    [ApiScope.WRITE_DIRECTORY, true],
    [ApiScope.READ_CONTACT_DETAILS, false],
    [ApiScope.READ_TRAINING, false],
    [ApiScope.WRITE_TRAINING, false],
  ])('an API client with %s reads the directory: %s', (scope, reads) => {
    expect(PersonPolicy.of(access(apiClientActor([scope], null))).readScope()).toEqual(reads ? EVERYTHING : NOTHING);
    expect(PersonPolicy.of(access(apiClientActor([scope], ORG_A))).readScope()).toEqual(reads ? organisationA : NOTHING);
  });

  it('an API client without scopes reads nothing', () => {
    expect(PersonPolicy.of(access(apiClientActor([], null))).readScope()).toEqual(NOTHING);
  });
});

describe('PersonPolicy.contactScope (e-mail and phone)', () => {
  it.each([
    ['administrator', PEOPLE.administrator, EVERYTHING],
    ['organisation admin', PEOPLE.organisationAdmin, own([ORG_A], [])],
    ['manager', PEOPLE.manager, own([], [WORKPLACE_A.id])],
    // Workplace coordinators see their workplace, not their colleagues' contact details.
    ['workplace coordinator', PEOPLE.workplaceCoordinator, own([], [])],
    ['competence coordinator', PEOPLE.competenceCoordinator, own([], [WORKPLACE_A.id])],
    ['person with no role', PEOPLE.noRole, own([], [])],
    ['person whose role starts later', PEOPLE.futureRole, own([], [])],
    ['anonymous caller', ANONYMOUS_ACTOR, NOTHING],
  ])('%s', (_name, actor, scope) => {
    expect(PersonPolicy.of(access(actor)).contactScope()).toEqual(scope);
  });

  it.each([
    [ApiScope.READ_DIRECTORY, false],
    [ApiScope.WRITE_DIRECTORY, false],
    [ApiScope.READ_CONTACT_DETAILS, true],
    [ApiScope.READ_TRAINING, false],
    [ApiScope.WRITE_TRAINING, false],
  ])('an API client with %s reads contact details: %s', (scope, reads) => {
    expect(PersonPolicy.of(access(apiClientActor([scope], null))).contactScope()).toEqual(reads ? EVERYTHING : NOTHING);
    expect(PersonPolicy.of(access(apiClientActor([scope], ORG_A))).contactScope()).toEqual(reads ? organisationA : NOTHING);
  });
});

describe('PersonPolicy.canChangePerson (the roles held today and from later days count alike)', () => {
  const staffOfA = (roles: { role: Role; organisationId: string | null }[]) => [ORG_A, roles] as const;
  it.each([
    ['administrator, anyone', PEOPLE.administrator, [ORG_B, [{ role: Role.ADMINISTRATOR, organisationId: null }]], true],
    ['organisation admin, their staff without roles', PEOPLE.organisationAdmin, staffOfA([]), true],
    [
      'organisation admin, their staff with their roles',
      PEOPLE.organisationAdmin,
      staffOfA([{ role: Role.MANAGER, organisationId: ORG_A }]),
      true,
    ],
    [
      'organisation admin, staff holding ADMINISTRATOR',
      PEOPLE.organisationAdmin,
      staffOfA([{ role: Role.ADMINISTRATOR, organisationId: null }]),
      false,
    ],
    [
      'organisation admin, staff holding a role in another organisation',
      PEOPLE.organisationAdmin,
      staffOfA([{ role: Role.ORGANISATION_ADMIN, organisationId: ORG_B }]),
      false,
    ],
    ['organisation admin, another organisation', PEOPLE.organisationAdmin, [ORG_B, []], false],
    ['manager', PEOPLE.manager, staffOfA([]), false],
    ['person with no role', PEOPLE.noRole, staffOfA([]), false],
    ['anonymous caller', ANONYMOUS_ACTOR, staffOfA([]), false],
  ] as const)('%s: %s', (_name, actor, [organisationId, roles], allowed) => {
    expect(PersonPolicy.of(access(actor)).canChangePerson(organisationId, roles)).toBe(allowed);
  });

  it('an API client with WRITE_DIRECTORY for the organisation, as its organisation admin', () => {
    const client = PersonPolicy.of(access(apiClientActor([ApiScope.WRITE_DIRECTORY], ORG_A)));
    expect(client.canChangePerson(ORG_A, [])).toBe(true);
    expect(client.canChangePerson(ORG_A, [{ role: Role.ADMINISTRATOR, organisationId: null }])).toBe(false);
    expect(PersonPolicy.of(access(apiClientActor([ApiScope.READ_DIRECTORY], ORG_A))).canChangePerson(ORG_A, [])).toBe(false);
  });
});

describe('PersonPolicy per request', () => {
  it('is one policy per AccessPolicy, and computes each scope once', () => {
    const policy = access(PEOPLE.manager);
    expect(PersonPolicy.of(policy)).toBe(PersonPolicy.of(policy));
    expect(PersonPolicy.of(policy).readScope()).toBe(PersonPolicy.of(policy).readScope());
    expect(PersonPolicy.of(policy).contactScope()).toBe(PersonPolicy.of(policy).contactScope());
    expect(PersonPolicy.of(access(PEOPLE.manager))).not.toBe(PersonPolicy.of(policy));
  });
});
