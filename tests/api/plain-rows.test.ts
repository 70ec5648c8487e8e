import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { EVERYTHING } from '@evikomp/api/platform/access/read-scope';
import { fromGlobalId } from '@evikomp/api/platform/graphql/global-id';
import { Organisation } from '@evikomp/api/modules/organisation/organisation.entity';
import { toOrganisationObject } from '@evikomp/api/modules/organisation/organisation.types';
import { Person } from '@evikomp/api/modules/person/person.entity';
import { toPersonObject } from '@evikomp/api/modules/person/person.types';
import { Role, RoleAssignment } from '@evikomp/api/modules/role-assignment/role-assignment.entity';
import { toRoleAssignmentObject } from '@evikomp/api/modules/role-assignment/role-assignment.types';
import { Workplace } from '@evikomp/api/modules/workplace/workplace.entity';
import { toWorkplaceObject } from '@evikomp/api/modules/workplace/workplace.types';
import { assignRole, createOrganisation, createPerson, createWorkplace } from '../support/factories.js';

/**
 * The read path's loaders read plain rows, not entities: nothing enters the unit of work's identity map, and
 * the GraphQL objects mapped from the rows equal those mapped from the entities.
 */
let api: TestApi;
const ids = { organisation: '', workplace: '', person: '', assignments: [] as string[] };
const TODAY = new Date().toISOString().slice(0, 10);

const rowId = (globalId: string) => fromGlobalId(globalId)!.id;

beforeAll(async () => {
  api = await startTestApi();
  const organisation = await createOrganisation(api, { name: 'Östra Göinge kommun' });
  const workplace = await createWorkplace(api, organisation.id, { name: 'Hemtjänst Öst', city: 'Broby' });
  const person = await createPerson(api, organisation.id, { firstName: 'Åke', lastName: 'Örnberg', phone: '044-775 60 00' });
  const manager = await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-02-01' });
  const admin = await assignRole(api, { personId: person.id, role: 'ORGANISATION_ADMIN', organisationId: organisation.id });
  ids.organisation = rowId(organisation.id);
  ids.workplace = rowId(workplace.id);
  ids.person = rowId(person.id);
  ids.assignments = [rowId(manager.id), rowId(admin.id)];
});

afterAll(() => api?.stop());

describe('plain rows on the read path', () => {
  it('map to the same GraphQL objects as the entities, with nothing in the identity map', async () => {
    const em = api.orm.em.fork();
    const organisations = await em.getRepository(Organisation).findRowsByIds([ids.organisation]);
    const workplaces = await em.getRepository(Workplace).findRowsByIds([ids.workplace], EVERYTHING);
    const people = await em.getRepository(Person).findRowsByIds([ids.person], EVERYTHING);
    const assignments = em.getRepository(RoleAssignment);
    const byId = await assignments.findRowsByIds(ids.assignments, EVERYTHING);
    const atWorkplace = await assignments.findActiveAtWorkplaces([ids.workplace], Role.MANAGER, TODAY, EVERYTHING);
    const ofPerson = await assignments.findForPeople([ids.person], null, EVERYTHING);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    expect([organisations, workplaces, people, byId, atWorkplace].map((rows) => rows.length)).toEqual([1, 1, 1, 2, 1]);
    expect(ofPerson).toHaveLength(2);

    const entities = api.orm.em.fork();
    expect(toOrganisationObject(organisations[0]!)).toEqual(
      toOrganisationObject((await entities.findOne(Organisation, ids.organisation))!),
    );
    expect(toWorkplaceObject(workplaces[0]!)).toEqual(toWorkplaceObject((await entities.findOne(Workplace, ids.workplace))!));
    expect(toPersonObject(people[0]!)).toEqual(toPersonObject((await entities.findOne(Person, ids.person))!));
    for (const row of [...byId, ...ofPerson]) {
      const entity = (await entities.findOne(RoleAssignment, row.id))!;
      expect(toRoleAssignmentObject(row, TODAY)).toEqual(toRoleAssignmentObject(entity, TODAY));
    }
    // Dates as the entity holds them: timestamps as Dates, days as text.
    expect(people[0]!.createdAt).toBeInstanceOf(Date);
    expect(atWorkplace[0]!.startsOn).toBe('2024-02-01');
    expect(atWorkplace[0]!.workplace).toEqual({ id: ids.workplace });
    expect(byId.find((row) => row.role === Role.ORGANISATION_ADMIN)!.workplace).toBeNull();
  });
});
