import { describe, expect, it } from 'vitest';
import { EVERYTHING, NOTHING } from '../../platform/access/read-scope.js';
import { DomainError } from '../../platform/errors/user-error.js';
import {
  access,
  ANONYMOUS_ACTOR,
  API_SCOPES,
  apiClientActor,
  CLIENT_ORGANISATIONS,
  ORG_A,
  ORG_B,
  PEOPLE,
  WORKPLACE_A,
} from '../../testing/access-actors.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { PersonPolicy } from '../person/person.policy.js';
import { OfferingPolicy } from './offering.policy.js';

const organisationA = { everything: false, selfPersonId: null, organisationIds: [ORG_A], workplaceIds: [] };
const workplaceA = { everything: false, selfPersonId: null, organisationIds: [], workplaceIds: [WORKPLACE_A.id] };

describe('OfferingPolicy: the course catalogue and registrations', () => {
  // [reads the catalogue, writes training, runs the catalogue, manages registrations of A, of B, approvable organisations]
  it.each([
    ['administrator', PEOPLE.administrator, [true, true, true, true, true, null]],
    ['organisation admin (of A)', PEOPLE.organisationAdmin, [true, true, false, true, false, [ORG_A]]],
    ['manager (of workplace A)', PEOPLE.manager, [true, true, false, false, false, []]],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, [true, true, false, false, false, []]],
    ['competence coordinator', PEOPLE.competenceCoordinator, [true, true, false, false, false, []]],
    ['person with no role', PEOPLE.noRole, [true, true, false, false, false, []]],
    ['person whose role starts later', PEOPLE.futureRole, [true, true, false, false, false, []]],
    ['anonymous caller', ANONYMOUS_ACTOR, [false, false, false, false, false, []]],
  ])('%s', (_name, actor, expected) => {
    const policy = OfferingPolicy.of(access(actor));
    expect([
      policy.canReadTraining(),
      policy.mayWriteTraining(),
      policy.canManageTraining(),
      policy.canManageRegistrationsOf(ORG_A),
      policy.canManageRegistrationsOf(ORG_B),
      policy.approvableOrganisationIds(),
    ]).toEqual(expected);
  });

  it.each([...Object.entries(PEOPLE), ['anonymous caller', ANONYMOUS_ACTOR] as const])(
    '%s: whose registrations one reads is the directory read scope',
    (_name, actor) => {
      const caller = access(actor);
      expect(OfferingPolicy.of(caller).registrationScope()).toBe(PersonPolicy.of(caller).readScope());
    },
  );

  it('people may write training; the anonymous caller gets FORBIDDEN', () => {
    for (const actor of Object.values(PEOPLE)) expect(() => OfferingPolicy.of(access(actor)).requireTrainingWrite()).not.toThrow();
    expect(() => OfferingPolicy.of(access(ANONYMOUS_ACTOR)).requireTrainingWrite()).toThrow(DomainError);
  });

  it.each(CLIENT_ORGANISATIONS.flatMap((organisationId) => API_SCOPES.map((scope) => [scope, organisationId] as const)))(
    'an API client with %s (organisation %s)',
    (scope, organisationId) => {
      const reads = scope === ApiScope.READ_TRAINING || scope === ApiScope.WRITE_TRAINING;
      const writes = scope === ApiScope.WRITE_TRAINING;
      const countyWide = organisationId === null;
      const policy = OfferingPolicy.of(access(apiClientActor([scope], organisationId)));
      expect(policy.canReadTraining()).toBe(reads);
      expect(policy.mayWriteTraining()).toBe(writes);
      expect(policy.canManageTraining()).toBe(false);
      expect(policy.registrationScope()).toEqual(reads ? (countyWide ? EVERYTHING : organisationA) : NOTHING);
      expect([policy.canManageRegistrationsOf(ORG_A), policy.canManageRegistrationsOf(ORG_B)]).toEqual([writes, writes && countyWide]);
      expect(policy.approvableOrganisationIds()).toEqual(writes ? (countyWide ? null : [ORG_A]) : []);
      if (writes) expect(() => policy.requireTrainingWrite()).not.toThrow();
      else expect(() => policy.requireTrainingWrite()).toThrow('This API client needs the WRITE_TRAINING scope.');
    },
  );

  it('an API client without scopes reads and writes no training', () => {
    const policy = OfferingPolicy.of(access(apiClientActor([], null)));
    expect([policy.canReadTraining(), policy.mayWriteTraining(), policy.registrationScope(), policy.approvableOrganisationIds()]).toEqual([
      false,
      false,
      NOTHING,
      [],
    ]);
  });
});

describe('OfferingPolicy: attendance', () => {
  it.each([
    ['administrator', PEOPLE.administrator, EVERYTHING, true],
    ['organisation admin', PEOPLE.organisationAdmin, NOTHING, false],
    ['manager', PEOPLE.manager, NOTHING, false],
    ['workplace coordinator', PEOPLE.workplaceCoordinator, NOTHING, false],
    ['competence coordinator (of workplace A)', PEOPLE.competenceCoordinator, workplaceA, true],
    ['person with no role', PEOPLE.noRole, NOTHING, false],
    ['person whose role starts later', PEOPLE.futureRole, NOTHING, false],
    ['anonymous caller', ANONYMOUS_ACTOR, NOTHING, false],
  ])('%s', (_name, actor, scope, records) => {
    const policy = OfferingPolicy.of(access(actor));
    expect(policy.attendanceScope()).toEqual(scope);
    expect(policy.mayRecordAttendance()).toBe(records);
  });

  it.each(CLIENT_ORGANISATIONS.flatMap((organisationId) => API_SCOPES.map((scope) => [scope, organisationId] as const)))(
    'an API client with %s (organisation %s) records no attendance',
    (scope, organisationId) => {
      const policy = OfferingPolicy.of(access(apiClientActor([scope], organisationId)));
      expect([policy.attendanceScope(), policy.mayRecordAttendance()]).toEqual([NOTHING, false]);
    },
  );
});

describe('OfferingPolicy per request', () => {
  it('is one policy per AccessPolicy, and computes the registration scope once', () => {
    const caller = access(apiClientActor([ApiScope.READ_TRAINING], ORG_A));
    expect(OfferingPolicy.of(caller)).toBe(OfferingPolicy.of(caller));
    expect(OfferingPolicy.of(caller).registrationScope()).toBe(OfferingPolicy.of(caller).registrationScope());
    expect(OfferingPolicy.of(access(PEOPLE.manager))).not.toBe(OfferingPolicy.of(access(PEOPLE.manager)));
  });
});
