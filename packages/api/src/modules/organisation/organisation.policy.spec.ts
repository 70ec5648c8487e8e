import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, ORG_A, ORG_B, PEOPLE } from '../../testing/access-actors.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { OrganisationPolicy } from './organisation.policy.js';

describe('OrganisationPolicy', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true, [true, true]],
    ['organisation admin (of A)', PEOPLE.organisationAdmin, false, [true, false]],
    ['manager', PEOPLE.manager, false, [false, false]],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false, [false, false]],
    ['competence coordinator', PEOPLE.competenceCoordinator, false, [false, false]],
    ['person with no role', PEOPLE.noRole, false, [false, false]],
    ['person whose role starts later', PEOPLE.futureRole, false, [false, false]],
    ['anonymous caller', ANONYMOUS_ACTOR, false, [false, false]],
  ])('%s: manages organisations %s; manages the data of A and B %j', (_name, actor, organisations, [dataOfA, dataOfB]) => {
    const policy = OrganisationPolicy.of(access(actor));
    expect(policy.canManageOrganisations()).toBe(organisations);
    expect(policy.canManageOrganisationData(ORG_A)).toBe(dataOfA);
    expect(policy.canManageOrganisationData(ORG_B)).toBe(dataOfB);
  });

  it.each(API_SCOPES)('an API client with %s', (scope) => {
    const writes = scope === ApiScope.WRITE_DIRECTORY;
    const countyWide = OrganisationPolicy.of(access(apiClientActor([scope], null)));
    expect(countyWide.canManageOrganisations()).toBe(false);
    expect([countyWide.canManageOrganisationData(ORG_A), countyWide.canManageOrganisationData(ORG_B)]).toEqual([writes, writes]);
    const ofA = OrganisationPolicy.of(access(apiClientActor([scope], ORG_A)));
    expect(ofA.canManageOrganisations()).toBe(false);
    expect([ofA.canManageOrganisationData(ORG_A), ofA.canManageOrganisationData(ORG_B)]).toEqual([writes, false]);
  });

  it('an API client without scopes manages nothing', () => {
    expect(OrganisationPolicy.of(access(apiClientActor([], null))).canManageOrganisationData(ORG_A)).toBe(false);
  });
});
