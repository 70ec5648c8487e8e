import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, CLIENT_ORGANISATIONS, PEOPLE } from '../../testing/access-actors.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { ApiClientPolicy } from './api-client.policy.js';

describe('ApiClientPolicy', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true],
    ['organisation admin', PEOPLE.organisationAdmin, false],
    ['manager', PEOPLE.manager, false],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false],
    ['competence coordinator', PEOPLE.competenceCoordinator, false],
    ['person with no role', PEOPLE.noRole, false],
    ['person whose role starts later', PEOPLE.futureRole, false],
  ])('%s: manages API clients %s; may run mutations', (_name, actor, manages) => {
    const policy = ApiClientPolicy.of(access(actor));
    expect(policy.canManageApiClients()).toBe(manages);
    expect(policy.mayWrite()).toBe(true);
  });

  it('the anonymous caller manages nothing and runs no mutation', () => {
    const policy = ApiClientPolicy.of(access(ANONYMOUS_ACTOR));
    expect([policy.canManageApiClients(), policy.mayWrite()]).toEqual([false, false]);
  });

  it.each(CLIENT_ORGANISATIONS.flatMap((organisationId) => API_SCOPES.map((scope) => [scope, organisationId] as const)))(
    'an API client with %s (organisation %s) runs mutations only with a write scope',
    (scope, organisationId) => {
      const policy = ApiClientPolicy.of(access(apiClientActor([scope], organisationId)));
      expect(policy.canManageApiClients()).toBe(false);
      expect(policy.mayWrite()).toBe(scope === ApiScope.WRITE_DIRECTORY || scope === ApiScope.WRITE_TRAINING);
    },
  );

  it('an API client without scopes only reads', () => {
    expect(ApiClientPolicy.of(access(apiClientActor([], null))).mayWrite()).toBe(false);
  });
});
