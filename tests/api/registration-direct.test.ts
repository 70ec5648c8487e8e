import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rowId, setDirectRegistration, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import {
  assignRole,
  createOrganisation,
  createPerson,
  createWorkplace,
  signedInManager,
  signedInPerson,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';
import { createCohort, createProgramme, createSession } from '../support/training-factories.js';

/**
 * The common case of a registration (`registration-direct.ts`): one plain read and one admitting statement. What
 * it could get wrong: the number of statements, a case it must leave to the general path (which answers it with
 * its typed error and writes nothing), and what it writes (the outbox message and the audit entry must equal
 * the general path's).
 */
const REGISTER = `mutation($input: CohortRegisterInput!) {
  cohortRegister(input: $input) { registration { id status waitlistPosition } ${USER_ERRORS} }
}`;

let api: TestApi;
let organisationId: string;
let otherOrganisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  otherOrganisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { name: 'Ledarskap i vardagen' });
});
afterAll(async () => {
  await api?.stop();
});
afterEach(() => setDirectRegistration(true));

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => api.orm.em.getConnection().execute<T[]>(query, params);

async function register(client: GraphQLClient, cohortId: string, personId?: string) {
  const response = await client(REGISTER, { input: { cohortId, ...(personId ? { personId } : {}) } });
  return { payload: response.data!.cohortRegister, statements: response.sqlStatements };
}

describe('a registration in the common case', () => {
  it('costs at most three statements for an administrator and for a person registering themselves', async () => {
    const cohortId = await createCohort(api, programmeId, { capacity: 1 });
    // The caller is read once and then cached: the statements of the first request are not the registration's.
    await api.graphql(`{ me { id } }`);
    const confirmed = await register(api.graphql, cohortId, (await createPerson(api, organisationId)).id);
    expect(confirmed.payload.errors).toEqual([]);
    expect(confirmed.payload.registration).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    expect(confirmed.statements).toBeLessThanOrEqual(3);
    const waitlisted = await register(api.graphql, cohortId, (await createPerson(api, organisationId)).id);
    expect(waitlisted.payload.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(waitlisted.statements).toBeLessThanOrEqual(3);

    // A manager (roles held today are read for the audience) registering themselves.
    const manager = await signedInManager(api, organisationId);
    const managers = await createCohort(api, programmeId, { capacity: 5, audienceRoles: ['MANAGER'] });
    await manager.client(`{ me { id } }`);
    const own = await register(manager.client, managers);
    expect(own.payload.errors).toEqual([]);
    expect(own.payload.registration).toMatchObject({ status: 'CONFIRMED' });
    expect(own.statements).toBeLessThanOrEqual(3);
  });

  it('leaves every unusual case to the general path, which answers its typed error and writes nothing', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const manager = await signedInPerson(api, organisationId, { role: 'MANAGER', workplaceId: workplace.id });
    await manager.client(`{ me { id } }`);
    type Attempt = () => Promise<{ payload: { errors: unknown[] } }>;
    // Each case sets up what it needs, then attempts the registration.
    const refusals: [string, () => Promise<Attempt>, Record<string, unknown>][] = [
      [
        'outside the audience',
        async () => {
          const cohortId = await createCohort(api, programmeId, { audienceRoles: ['WORKPLACE_COORDINATOR'] });
          return () => register(manager.client, cohortId);
        },
        { code: 'FORBIDDEN', field: 'personId' },
      ],
      [
        'a person the caller may not see',
        async () => {
          const [cohortId, person] = [await createCohort(api, programmeId), await createPerson(api, otherOrganisationId)];
          return () => register(manager.client, cohortId, person.id);
        },
        { code: 'NOT_FOUND', field: 'personId' },
      ],
      [
        'a person the caller sees (a role at their workplace) but may not register',
        async () => {
          const [cohortId, person] = [await createCohort(api, programmeId), await createPerson(api, organisationId)];
          await assignRole(api, { personId: person.id, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id });
          return () => register(manager.client, cohortId, person.id);
        },
        { code: 'FORBIDDEN', field: 'personId' },
      ],
      [
        'a closed cohort',
        async () => {
          const cohortId = await createCohort(api, programmeId, { status: 'CLOSED' });
          return () => register(manager.client, cohortId);
        },
        { code: 'CONFLICT' },
      ],
      [
        'after the registration window',
        async () => {
          const cohortId = await createCohort(api, programmeId, { registrationClosesAt: '2020-01-01T00:00:00Z' });
          return () => register(manager.client, cohortId);
        },
        { code: 'CONFLICT' },
      ],
      [
        'no such cohort',
        async () => () => register(api.graphql, Buffer.from('Cohort:00000000-0000-4000-8000-000000000000').toString('base64url')),
        { code: 'NOT_FOUND', field: 'cohortId' },
      ],
      [
        'a duplicate',
        async () => {
          const [cohortId, person] = [await createCohort(api, programmeId), await createPerson(api, organisationId)];
          expect((await register(api.graphql, cohortId, person.id)).payload.errors).toEqual([]);
          return () => register(api.graphql, cohortId, person.id);
        },
        { code: 'CONFLICT', field: 'personId' },
      ],
    ];
    for (const [what, setUp, error] of refusals) {
      const attempt = await setUp();
      const before = await snapshot(api);
      expect((await attempt()).payload.errors, what).toEqual([expect.objectContaining(error)]);
      expect(await snapshot(api), what).toBe(before);
    }
  });

  it('answers racing duplicates with the typed conflict of registration_once, one registration written', async () => {
    const cohortId = await createCohort(api, programmeId, { capacity: 3 });
    const person = await createPerson(api, organisationId);
    const answers = await Promise.all(Array.from({ length: 6 }, () => register(api.graphql, cohortId, person.id)));
    const made = answers.filter((answer) => answer.payload.registration);
    expect(made).toHaveLength(1);
    for (const answer of answers.filter((each) => !each.payload.registration)) {
      expect(answer.payload.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'personId' })]);
    }
    const rows = await sql<{ registrations: number; messages: number; audited: number; confirmed_count: number }>(
      `select (select count(*)::int from registration r where r.offering_id = o.id) as registrations,
              (select count(*)::int from notification n where n.person_id = ?) as messages,
              (select count(*)::int from audit_entry a join registration r on r.id = a.entity_id where r.offering_id = o.id) as audited,
              o.confirmed_count
         from offering o join cohort c on c.offering_id = o.id where c.id = ?`,
      [rowId(person.id), rowId(cohortId)],
    );
    expect(rows).toEqual([{ registrations: 1, messages: 1, audited: 1, confirmed_count: 1 }]);
  });

  it('answers approval steps and seat quotas as the general path does', async () => {
    const manager = await signedInManager(api, organisationId);
    const approval = await createCohort(api, programmeId, { requiresApproval: true });
    const pending = await register(manager.client, approval);
    expect(pending.payload.errors).toEqual([]);
    expect(pending.payload.registration).toMatchObject({ status: 'PENDING_APPROVAL' });
    // The one place is held for the other organisation's quota: the person queues.
    const quotas = await createCohort(api, programmeId, { capacity: 1, seatQuotas: [{ organisationId: otherOrganisationId, places: 1 }] });
    const queued = await register(api.graphql, quotas, (await createPerson(api, organisationId)).id);
    expect(queued.payload.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const [counted] = await sql<{ confirmed_count: number; waitlisted_count: number }>(
      `select o.confirmed_count, o.waitlisted_count from offering o join cohort c on c.offering_id = o.id where c.id = ?`,
      [rowId(quotas)],
    );
    expect(counted).toEqual({ confirmed_count: 0, waitlisted_count: 1 });
  });

  it('writes the same outbox message and audit entry as the general path, for a place and for the queue', async () => {
    // Two cohorts alike in everything but their ids, each with a session (its message carries a calendar file).
    const alike = async () => {
      const cohortId = await createCohort(api, programmeId, { name: 'Omgång Linköping', capacity: 1 });
      const sessionId = await createSession(api, { cohortId, venue: 'Linköpings stadshus', title: 'Dag 1' });
      return { cohortId, sessionId };
    };
    const direct = await alike();
    const general = await alike();
    const registrar = await signedInManager(api, organisationId);
    await api.graphql(`mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { personId: registrar.id, role: 'ORGANISATION_ADMIN', organisationId, startsOn: '2024-01-01' },
    });
    const registrarClient = await api.signIn(registrar.email);
    await registrarClient(`{ me { id } }`);

    const registerBoth = async (firstName: string) => {
      const people = [
        await createPerson(api, organisationId, { firstName, lastName: 'Lind', language: 'EN' }),
        await createPerson(api, organisationId, { firstName, lastName: 'Lind', language: 'EN' }),
      ];
      const viaDirect = await register(registrarClient, direct.cohortId, people[0]!.id);
      setDirectRegistration(false);
      const viaGeneral = await register(registrarClient, general.cohortId, people[1]!.id);
      setDirectRegistration(true);
      expect(viaDirect.statements).toBeLessThanOrEqual(3);
      expect(viaGeneral.statements).toBeGreaterThan(3);
      expect(viaDirect.payload.registration.status).toBe(viaGeneral.payload.registration.status);
      expect(viaDirect.payload.registration.waitlistPosition).toBe(viaGeneral.payload.registration.waitlistPosition);
      const written = async (registrationId: string, person: { id: string; email: string }, cohort: typeof direct) => {
        const ids: [string, string][] = [
          [encodeURIComponent(registrationId), 'REGISTRATION'],
          [registrationId, 'REGISTRATION'],
          [rowId(registrationId), 'REGISTRATION_ROW'],
          [rowId(person.id), 'PERSON'],
          [person.email, 'EMAIL'],
          [rowId(cohort.sessionId), 'SESSION'],
          [
            (await sql<{ offering_id: string }>(`select offering_id from cohort where id = ?`, [rowId(cohort.cohortId)]))[0]!.offering_id,
            'OFFERING',
          ],
        ];
        const normal = (text: string) =>
          ids
            .reduce((out, [id, name]) => out.split(id).join(name), text)
            .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, 'TIME')
            .replace(/(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z/g, '$1:TIME');
        const messages = await sql(
          `select kind, person_id, to_address, language, subject, body, html_body, attachments::text as attachments, status
             from notification where person_id = ? order by created_at`,
          [rowId(person.id)],
        );
        const audit = await sql(
          `select operation, entity_type, entity_id, actor_person_id, actor_api_client_id, changes::text as changes
             from audit_entry where entity_id = ? order by occurred_at`,
          [rowId(registrationId)],
        );
        return normal(JSON.stringify({ messages, audit }));
      };
      const fromDirect = await written(viaDirect.payload.registration.id, people[0]!, direct);
      expect(fromDirect).toContain('REGISTRATION');
      expect(fromDirect).toContain('You were registered by Karin');
      expect(fromDirect).toContain('Omgång Linköping');
      expect(await written(viaGeneral.payload.registration.id, people[1]!, general)).toBe(fromDirect);
    };
    await registerBoth('Eva'); // a place
    await registerBoth('Olle'); // the queue, position 1
  });
});
