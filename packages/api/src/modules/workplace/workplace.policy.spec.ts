import { describe, expect, it } from 'vitest';
import {
  access,
  ANONYMOUS_ACTOR,
  API_SCOPES,
  apiClientActor,
  ORG_A,
  PEOPLE,
  personActor,
  WORKPLACE_A,
  WORKPLACE_B,
} from '../../testing/access-actors.js';
import { ApiScope, Role } from '../../platform/access/vocabulary.js';
import { WorkplacePolicy } from './workplace.policy.js';

describe('WorkplacePolicy', () => {
  // [everything about A, details of A, everything about B, details of B]
  it.each([
    ['administrator', PEOPLE.administrator, [true, true, true, true]],
    ['organisation admin (of A)', PEOPLE.organisationAdmin, [true, true, false, false]],
    ['manager (of workplace A)', PEOPLE.manager, [false, true, false, false]],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, [false, false, false, false]],
    ['competence coordinator', PEOPLE.competenceCoordinator, [false, false, false, false]],
    ['person with no role', PEOPLE.noRole, [false, false, false, false]],
    ['person whose role starts later', PEOPLE.futureRole, [false, false, false, false]],
    ['anonymous caller', ANONYMOUS_ACTOR, [false, false, false, false]],
  ])('%s', (_name, actor, expected) => {
    const policy = WorkplacePolicy.of(access(actor));
    expect([
      policy.canManageWorkplace(WORKPLACE_A),
      policy.canEditWorkplaceDetails(WORKPLACE_A),
      policy.canManageWorkplace(WORKPLACE_B),
      policy.canEditWorkplaceDetails(WORKPLACE_B),
    ]).toEqual(expected);
  });

  it('a manager of another workplace of the same organisation edits nothing here', () => {
    const policy = WorkplacePolicy.of(access(personActor([{ role: Role.MANAGER, workplaceId: 'another-workplace' }])));
    expect(policy.canEditWorkplaceDetails(WORKPLACE_A)).toBe(false);
  });

  it('only a manager of a workplace manages it (for registering its workplace coordinators)', () => {
    const managers = Object.entries(PEOPLE).filter(([, actor]) => WorkplacePolicy.of(access(actor)).managesWorkplace(WORKPLACE_A.id));
    expect(managers.map(([name]) => name)).toEqual(['manager']);
    expect(WorkplacePolicy.of(access(PEOPLE.manager)).managesWorkplace(WORKPLACE_B.id)).toBe(false);
    expect(WorkplacePolicy.of(access(ANONYMOUS_ACTOR)).managesWorkplace(WORKPLACE_A.id)).toBe(false);
    for (const scope of API_SCOPES)
      expect(WorkplacePolicy.of(access(apiClientActor([scope], null))).managesWorkplace(WORKPLACE_A.id)).toBe(false);
  });

  it.each(API_SCOPES)('an API client with %s', (scope) => {
    const writes = scope === ApiScope.WRITE_DIRECTORY;
    const countyWide = WorkplacePolicy.of(access(apiClientActor([scope], null)));
    expect([countyWide.canEditWorkplaceDetails(WORKPLACE_A), countyWide.canEditWorkplaceDetails(WORKPLACE_B)]).toEqual([writes, writes]);
    const ofA = WorkplacePolicy.of(access(apiClientActor([scope], ORG_A)));
    expect([ofA.canManageWorkplace(WORKPLACE_A), ofA.canEditWorkplaceDetails(WORKPLACE_B)]).toEqual([writes, false]);
  });
});
