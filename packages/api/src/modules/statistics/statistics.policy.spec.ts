import { describe, expect, it } from 'vitest';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, CLIENT_ORGANISATIONS, ORG_A, PEOPLE } from '../../testing/access-actors.js';
import { StatisticsPolicy } from './statistics.policy.js';

describe('StatisticsPolicy', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true, 'all'],
    ['organisation admin (of A)', PEOPLE.organisationAdmin, true, [ORG_A]],
    ['manager', PEOPLE.manager, false, []],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false, []],
    ['competence coordinator', PEOPLE.competenceCoordinator, false, []],
    ['person with no role', PEOPLE.noRole, false, []],
    ['person whose role starts later', PEOPLE.futureRole, false, []],
    ['anonymous caller', ANONYMOUS_ACTOR, false, []],
  ])('%s: reads training statistics %s, of %j', (_name, actor, reads, organisationIds) => {
    const policy = StatisticsPolicy.of(access(actor));
    expect(policy.mayReadTrainingStatistics()).toBe(reads);
    expect(policy.trainingStatisticsOrganisationIds()).toEqual(organisationIds);
  });

  it.each(
    CLIENT_ORGANISATIONS.flatMap((organisationId) =>
      API_SCOPES.filter((scope) => scope !== ApiScope.READ_STATISTICS).map((scope) => [scope, organisationId] as const),
    ),
  )('an API client with %s (organisation %s) reads no training statistics', (scope, organisationId) => {
    const policy = StatisticsPolicy.of(access(apiClientActor([scope], organisationId)));
    expect([policy.mayReadTrainingStatistics(), policy.trainingStatisticsOrganisationIds()]).toEqual([false, []]);
  });

  it.each([
    [null, 'all'],
    [ORG_A, [ORG_A]],
  ] as const)('an API client with READ_STATISTICS (organisation %s) reads the figures of %j', (organisationId, organisationIds) => {
    const policy = StatisticsPolicy.of(access(apiClientActor([ApiScope.READ_STATISTICS], organisationId)));
    expect([policy.mayReadTrainingStatistics(), policy.trainingStatisticsOrganisationIds()]).toEqual([true, organisationIds]);
  });

  it('is one policy per AccessPolicy', () => {
    const caller = access(PEOPLE.organisationAdmin);
    expect(StatisticsPolicy.of(caller)).toBe(StatisticsPolicy.of(caller));
  });
});
