import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, CLIENT_ORGANISATIONS, PEOPLE } from '../../testing/access-actors.js';
import { AuditPolicy } from './audit.policy.js';

describe('AuditPolicy.canReadAuditTrail', () => {
  it.each([
    ['administrator', PEOPLE.administrator, true],
    ['organisation admin', PEOPLE.organisationAdmin, false],
    ['manager', PEOPLE.manager, false],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, false],
    ['competence coordinator', PEOPLE.competenceCoordinator, false],
    ['person with no role', PEOPLE.noRole, false],
    ['person whose role starts later', PEOPLE.futureRole, false],
    ['anonymous caller', ANONYMOUS_ACTOR, false],
  ])('%s: %s', (_name, actor, reads) => {
    expect(AuditPolicy.of(access(actor)).canReadAuditTrail()).toBe(reads);
  });

  it('no API client, whatever its scopes', () => {
    for (const organisationId of CLIENT_ORGANISATIONS) {
      expect(AuditPolicy.of(access(apiClientActor(API_SCOPES, organisationId))).canReadAuditTrail()).toBe(false);
      expect(AuditPolicy.of(access(apiClientActor([], organisationId))).canReadAuditTrail()).toBe(false);
    }
  });
});
