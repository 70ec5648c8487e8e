import { describe, expect, it } from 'vitest';
import { ApiScope } from '../../platform/access/vocabulary.js';
import {
  access,
  ANONYMOUS_ACTOR,
  API_SCOPES,
  apiClientActor,
  CLIENT_ORGANISATIONS,
  ORG_A,
  ORG_B,
  PEOPLE,
} from '../../testing/access-actors.js';
import { DashboardPolicy } from './dashboard.policy.js';

describe('DashboardPolicy', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true, 'all', true],
    ['competence coordinator', PEOPLE.competenceCoordinator, true, 'all', true],
    ['organisation admin (of A)', PEOPLE.organisationAdmin, false, [ORG_A], true],
    ['manager', PEOPLE.manager, false, [], false],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false, [], false],
    ['person with no role', PEOPLE.noRole, false, [], false],
    ['person whose role starts later', PEOPLE.futureRole, false, [], false],
    ['anonymous caller', ANONYMOUS_ACTOR, false, [], false],
  ])('%s: the county %s, organisations %j, reads any %s', (_name, actor, county, organisationIds, reads) => {
    const policy = DashboardPolicy.of(access(actor));
    expect(policy.readsCounty()).toBe(county);
    expect(policy.organisationIds()).toEqual(organisationIds);
    expect(policy.mayRead()).toBe(reads);
  });

  it('lets an organisation admin open their own organisation only', () => {
    const policy = DashboardPolicy.of(access(PEOPLE.organisationAdmin));
    expect([policy.mayReadOrganisation(ORG_A), policy.mayReadOrganisation(ORG_B)]).toEqual([true, false]);
  });

  it.each(
    CLIENT_ORGANISATIONS.flatMap((organisationId) =>
      API_SCOPES.filter((scope) => scope !== ApiScope.READ_STATISTICS).map((scope) => [scope, organisationId] as const),
    ),
  )('an API client with %s (organisation %s) reads no dashboard', (scope, organisationId) => {
    const policy = DashboardPolicy.of(access(apiClientActor([scope], organisationId)));
    expect([policy.readsCounty(), policy.organisationIds(), policy.mayRead()]).toEqual([false, [], false]);
  });

  it.each([
    [null, true, 'all'],
    [ORG_A, false, [ORG_A]],
  ] as const)('an API client with READ_STATISTICS (organisation %s): the county %s, organisations %j', (organisationId, county, ids) => {
    const policy = DashboardPolicy.of(access(apiClientActor([ApiScope.READ_STATISTICS], organisationId)));
    expect([policy.readsCounty(), policy.organisationIds()]).toEqual([county, ids]);
  });
});
