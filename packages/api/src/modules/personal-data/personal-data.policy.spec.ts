import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, CLIENT_ORGANISATIONS, PEOPLE } from '../../testing/access-actors.js';
import { PersonalDataPolicy } from './personal-data.policy.js';

describe('PersonalDataPolicy', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true],
    ['organisation admin', PEOPLE.organisationAdmin, false],
    ['manager', PEOPLE.manager, false],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false],
    ['competence coordinator', PEOPLE.competenceCoordinator, false],
    ['person with no role', PEOPLE.noRole, false],
    ['person whose role starts later', PEOPLE.futureRole, false],
    ['anonymous caller', ANONYMOUS_ACTOR, false],
  ])('%s exports and erases personal data: %s', (_name, actor, allowed) => {
    const policy = PersonalDataPolicy.of(access(actor));
    expect([policy.canExportPersonalData(), policy.canErasePersonalData()]).toEqual([allowed, allowed]);
  });

  it('no API client, whatever its scopes', () => {
    for (const organisationId of CLIENT_ORGANISATIONS) {
      const policy = PersonalDataPolicy.of(access(apiClientActor(API_SCOPES, organisationId)));
      expect([policy.canExportPersonalData(), policy.canErasePersonalData()]).toEqual([false, false]);
    }
  });
});
