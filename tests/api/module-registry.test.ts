import { buildSchema as parseSdl, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '@evikomp/api/composition';
import { baselineMigrations } from '@evikomp/api/migrations';
import { MODULES } from '@evikomp/api/modules';
import { ModuleRegistry } from '@evikomp/api/platform/module/registry';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { schemaSdl } from '@evikomp/schema';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@evikomp/api/composition';
import { badgeModule } from '../fixtures/badge-module/badge.module.js';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';

describe('a module registered through the module list alone', () => {
  let api: TestApi;
  let personId: string;
  let badgeId: string;

  beforeAll(async () => {
    // The fixture is one folder; the only edit is adding it to the list.
    api = await startTestApi({ registry: new ModuleRegistry([...MODULES, badgeModule], baselineMigrations) });
    const organisation = await createOrganisation(api);
    personId = (await createPerson(api, organisation.id)).id;
    const awarded = await api.graphql(
      `mutation($input: BadgeAwardInput!) { fixtureBadgeAward(input: $input) { badge { id label } ${USER_ERRORS} } }`,
      {
        input: { personId, label: 'Handledare' },
      },
    );
    expect(awarded.data!.fixtureBadgeAward.errors).toEqual([]);
    badgeId = awarded.data!.fixtureBadgeAward.badge.id;
  });
  afterAll(() => api?.stop());

  it('is in the schema', async () => {
    const response = await api.graphql(`{ __type(name: "FixtureBadge") { name interfaces { name } } }`);
    expect(response.data!.__type).toEqual({ name: 'FixtureBadge', interfaces: [{ name: 'Node' }] });
  });

  it('is found by node(id:)', async () => {
    const response = await api.graphql(`query($id: ID!) { node(id: $id) { __typename id ... on FixtureBadge { label } } }`, {
      id: badgeId,
    });
    expect(response.data!.node).toEqual({ __typename: 'FixtureBadge', id: badgeId, label: 'Handledare' });
  });

  it('is named in the audit trail by its GraphQL type and global id, and found by it', async () => {
    const response = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation subjectType subjectId } } } }`,
      {
        id: badgeId,
      },
    );
    expect(response.data!.auditEntries.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { operation: 'fixtureBadgeAward', subjectType: 'FixtureBadge', subjectId: badgeId },
    ]);
  });

  it('contributes to the personal-data export', async () => {
    const response = await api.graphql(`query($id: ID!) { personDataExport(id: $id) }`, { id: personId });
    expect(response.data!.personDataExport.fixtureBadges).toEqual([{ label: 'Handledare' }]);
  });
});

describe('the module registry', () => {
  it('knows every Node type of the committed schema', () => {
    const schema = parseSdl(schemaSdl);
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node'))
      .map((type) => type.name)
      .sort();
    expect([...defaultRegistry.nodeTypes.keys()].sort()).toEqual(nodeTypes);
  });

  it('has a personal-data contributor for every entity that refers to a person', async () => {
    const orm = await MikroORM.init({ ...ormConfig({ clientUrl: 'postgres://unused@127.0.0.1:1/unused' }), connect: false });
    try {
      const covered = new Set(defaultRegistry.personalData.flatMap((contributor) => contributor.entities.map((entity) => entity.name)));
      const referring = Object.values(orm.getMetadata().getAll())
        .filter((meta) =>
          Object.values(meta.properties).some(
            (property) =>
              property.type === 'Person' ||
              (property.targetMeta?.className === 'Person' && property.kind !== 'scalar') ||
              /PersonId$/.test(property.name),
          ),
        )
        .map((meta) => meta.className)
        .sort();
      expect(referring.length).toBeGreaterThan(5);
      expect(referring.filter((name) => !covered.has(name))).toEqual([]);
    } finally {
      await orm.close();
    }
  });

  it('refuses two modules that declare the same node type', () => {
    expect(() => new ModuleRegistry([...MODULES, { ...badgeModule, name: 'again' }, badgeModule])).toThrow(/FixtureBadge/);
  });
});
