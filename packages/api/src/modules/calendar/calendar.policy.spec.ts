import { describe, expect, it } from 'vitest';
import { access, ANONYMOUS_ACTOR, API_SCOPES, apiClientActor, CLIENT_ORGANISATIONS, PEOPLE, SELF } from '../../testing/access-actors.js';
import { CalendarPolicy } from './calendar.policy.js';

describe('CalendarPolicy', () => {
  // [own feeds, someone else's feeds]
  it.each([
    ['administrator', PEOPLE.administrator, [true, true]],
    ['organisation admin', PEOPLE.organisationAdmin, [true, false]],
    ['manager', PEOPLE.manager, [true, false]],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, [true, false]],
    ['competence coordinator', PEOPLE.competenceCoordinator, [true, false]],
    ['person with no role', PEOPLE.noRole, [true, false]],
    ['person whose role starts later', PEOPLE.futureRole, [true, false]],
    ['anonymous caller', ANONYMOUS_ACTOR, [false, false]],
  ])('%s', (_name, actor, expected) => {
    const policy = CalendarPolicy.of(access(actor));
    expect([policy.canManageCalendarFeedsOf(SELF), policy.canManageCalendarFeedsOf('someone-else')]).toEqual(expected);
  });

  it.each(CLIENT_ORGANISATIONS.flatMap((organisationId) => API_SCOPES.map((scope) => [scope, organisationId] as const)))(
    'an API client with %s (organisation %s) manages no calendar feed',
    (scope, organisationId) => {
      const policy = CalendarPolicy.of(access(apiClientActor([scope], organisationId)));
      expect([policy.canManageCalendarFeedsOf(SELF), policy.canManageCalendarFeedsOf('someone-else')]).toEqual([false, false]);
    },
  );

  it('is one policy per AccessPolicy', () => {
    const caller = access(PEOPLE.manager);
    expect(CalendarPolicy.of(caller)).toBe(CalendarPolicy.of(caller));
  });
});
