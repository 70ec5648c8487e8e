/** The learning catalogue: its import (all rows or none, idempotent by key), export, paging and access. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, signedInManager, signedInPerson, snapshot, USER_ERRORS } from '../support/factories.js';

const IMPORT = `mutation($input: CatalogueImportInput!) {
  catalogueImport(input: $input) {
    report {
      dryRun applied rowCount errorCount tracksCreated tracksUpdated tracksUnchanged modulesCreated modulesUpdated modulesUnchanged
      rows { row kind key outcome changedFields errors { column message code } }
    }
    ${USER_ERRORS}
  }
}`;
const TRACKS = `query($search: String, $after: String) {
  learningTracks(first: 25, after: $after, filter: { search: $search }) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id externalKey title status coCreated sharedWithMembers modules { externalKey title } } }
  }
}`;
const EXPORT = `query($format: ExportFormat!) { catalogueExport(format: $format) { fileName contentType contentBase64 } }`;
const HEADER = [
  'kind',
  'key',
  'track_key',
  'title',
  'description',
  'target_group',
  'estimated_minutes',
  'languages',
  'status',
  'owner',
  'organisation_number',
  'shared',
];
const TOPICS = ['Demens', 'Palliativ vård', 'Lågaffektivt bemötande', 'Svenska i vården', 'Munhälsa', 'Läkemedel', 'Nutrition', 'Etik'];

/** 60 tracks of five modules each, as the learning platform exports them. */
function catalogueRows(): string[][] {
  const rows: string[][] = [];
  for (let track = 1; track <= 60; track += 1) {
    const key = `SP-${String(track).padStart(3, '0')}`;
    const topic = `${TOPICS[track % TOPICS.length]} ${track}`;
    rows.push([
      'track',
      key,
      '',
      topic,
      `Spår om ${topic.toLowerCase()}.\nFör hela arbetsgruppen.`,
      'Vård- och omsorgspersonal',
      '5 h',
      'sv, en',
      'published',
      'Vård- och omsorgscollege',
      '',
      '',
    ]);
    for (let module = 1; module <= 5; module += 1)
      rows.push([
        'module',
        `${key}-M${module}`,
        key,
        `${topic}: del ${module}`,
        '',
        '',
        module % 2 ? '45 min' : '1,5 h',
        'sv',
        'published',
        '',
        '',
        '',
      ]);
  }
  return rows;
}

const csvCell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][]) => `\uFEFF${[HEADER, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Katalog');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const base64 = (content: string | Buffer) => Buffer.from(content).toString('base64');

let api: TestApi;
let motala: { id: string; organisationNumber: string };
let norrkoping: { id: string; organisationNumber: string };
let orgAdmin: GraphQLClient;
let manager: GraphQLClient;
let managerNorrkoping: GraphQLClient;

beforeAll(async () => {
  api = await startTestApi();
  motala = await createOrganisation(api, { name: 'Motala kommun' });
  norrkoping = await createOrganisation(api, { name: 'Norrköpings kommun' });
  orgAdmin = (await signedInPerson(api, motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id })).client;
  manager = (await signedInManager(api, motala.id)).client;
  managerNorrkoping = (await signedInManager(api, norrkoping.id)).client;
});
afterAll(() => api?.stop());

/** A client of a new API key with these scopes. */
async function apiClient(scopes: string[]): Promise<GraphQLClient> {
  const created = await api.graphql(`mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`, {
    input: { name: 'Lärplattformen', scopes },
  });
  const key = created.data!.apiClientCreate.key as string;
  return (async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }) as GraphQLClient;
}

const importFile = (client: GraphQLClient, format: 'CSV' | 'XLSX', content: string | Buffer, dryRun = false) =>
  client(IMPORT, { input: { format, contentBase64: base64(content), dryRun } });

describe('catalogue import', () => {
  it('imports nothing from a file with one bad row, and reports the row and the reason', async () => {
    const rows = catalogueRows();
    rows[7]![6] = 'en halvtimme'; // row 9 of the file: the header is row 1
    const before = await snapshot(api);
    const response = await importFile(api.graphql, 'CSV', csv(rows));
    const { report, errors } = response.data!.catalogueImport;
    expect(errors).toEqual([expect.objectContaining({ field: 'contentBase64', code: 'INVALID' })]);
    expect(report).toMatchObject({ applied: false, rowCount: 360, errorCount: 1, tracksCreated: 60, modulesCreated: 299 });
    expect(report.rows.filter((row: { outcome: string }) => row.outcome === 'ERROR')).toEqual([
      {
        row: 9,
        kind: 'MODULE',
        key: 'SP-002-M1',
        outcome: 'ERROR',
        changedFields: [],
        errors: [expect.objectContaining({ column: 'estimated_minutes', code: 'INVALID' })],
      },
    ]);
    expect(await snapshot(api)).toBe(before);
  });

  it('reports a module whose track is nowhere, and a key twice in the file', async () => {
    const rows = catalogueRows().slice(0, 6);
    rows.push(['module', 'X-1', 'NO-SUCH-TRACK', 'Vilsen modul', '', '', '', '', '', '', '', '']);
    rows.push([...rows[1]!]);
    const before = await snapshot(api);
    const { report } = (await importFile(api.graphql, 'CSV', csv(rows))).data!.catalogueImport;
    const failed = report.rows.filter((row: { outcome: string }) => row.outcome === 'ERROR');
    expect(
      failed.map((row: { row: number; errors: { column: string; code: string }[] }) => [
        row.row,
        row.errors[0]!.column,
        row.errors[0]!.code,
      ]),
    ).toEqual([
      [8, 'track_key', 'NOT_FOUND'],
      [9, 'key', 'DUPLICATE'],
    ]);
    expect(await snapshot(api)).toBe(before);
  });

  it('refuses organisation admins and managers, and writes nothing for them', async () => {
    const before = await snapshot(api);
    for (const client of [orgAdmin, manager]) {
      const response = await importFile(client, 'CSV', csv(catalogueRows()));
      expect(response.data!.catalogueImport).toMatchObject({ report: null, errors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
    }
    expect(await snapshot(api)).toBe(before);
  });

  it('dry-runs a clean file of 60 tracks and 300 modules without writing, then imports it', async () => {
    const before = await snapshot(api);
    const dry = (await importFile(api.graphql, 'CSV', csv(catalogueRows()), true)).data!.catalogueImport;
    expect(dry.report).toMatchObject({ dryRun: true, applied: false, errorCount: 0, tracksCreated: 60, modulesCreated: 300 });
    expect(await snapshot(api)).toBe(before);

    const done = (await importFile(api.graphql, 'CSV', csv(catalogueRows()))).data!.catalogueImport;
    expect(done).toMatchObject({ errors: [], report: { applied: true, tracksCreated: 60, modulesCreated: 300, errorCount: 0 } });
    const list = await api.graphql(TRACKS, { search: 'SP-001' });
    expect(list.data!.learningTracks.edges[0].node).toMatchObject({ externalKey: 'SP-001', status: 'PUBLISHED' });
    expect(list.data!.learningTracks.edges[0].node.modules).toHaveLength(5);
    const audit = await api.graphql(`{ auditEntries(filter: { operation: "catalogueImport" }) { totalCount edges { node { changes } } } }`);
    expect(audit.data!.auditEntries.totalCount).toBe(1);
    expect(audit.data!.auditEntries.edges[0].node.changes).toHaveLength(360);
  });

  it('changes nothing when the same file comes again, as CSV or as XLSX: no audit entry, no updated_at', async () => {
    const before = await snapshot(api);
    for (const [format, content] of [
      ['CSV', csv(catalogueRows())],
      ['XLSX', await xlsx(catalogueRows())],
    ] as const) {
      const { report, errors } = (await importFile(api.graphql, format, content)).data!.catalogueImport;
      expect(errors).toEqual([]);
      expect(report).toMatchObject({ applied: false, tracksUnchanged: 60, modulesUnchanged: 300, tracksCreated: 0, tracksUpdated: 0 });
    }
    expect(await snapshot(api)).toBe(before);
  });

  it('updates by external key from an XLSX file, naming the changed fields', async () => {
    const rows = catalogueRows();
    rows[0]![3] = 'Demens 1 (ny version)';
    rows[1]![6] = '60';
    const { report } = (await importFile(api.graphql, 'XLSX', await xlsx(rows))).data!.catalogueImport;
    expect(report).toMatchObject({ applied: true, tracksUpdated: 1, modulesUpdated: 1, tracksUnchanged: 59, modulesUnchanged: 299 });
    expect(report.rows.slice(0, 2).map((row: { changedFields: string[] }) => row.changedFields)).toEqual([['title'], ['estimatedMinutes']]);
  });

  it('exports what it imports: the export imported again changes nothing', async () => {
    for (const format of ['CSV', 'XLSX'] as const) {
      const file = (await api.graphql(EXPORT, { format })).data!.catalogueExport;
      expect(file.fileName).toMatch(format === 'CSV' ? /\.csv$/ : /\.xlsx$/);
      const before = await snapshot(api);
      const { report } = (await api.graphql(IMPORT, { input: { format, contentBase64: file.contentBase64, dryRun: false } })).data!
        .catalogueImport;
      expect(report).toMatchObject({ errorCount: 0, applied: false, tracksUnchanged: 60, modulesUnchanged: 300 });
      expect(await snapshot(api)).toBe(before);
    }
  });
});

describe('catalogue reads and writes', () => {
  const CREATE = `mutation($input: LearningTrackCreateInput!) { learningTrackCreate(input: $input) { learningTrack { id coCreated sharedWithMembers } ${USER_ERRORS} } }`;
  const UPDATE = `mutation($input: LearningTrackUpdateInput!) { learningTrackUpdate(input: $input) { learningTrack { id sharedWithMembers status } ${USER_ERRORS} } }`;

  it('pages on the server and searches the Swedish way (accents and case do not matter)', async () => {
    const first = (await manager(TRACKS, {})).data!.learningTracks;
    expect(first).toMatchObject({ totalCount: 60, pageInfo: { hasNextPage: true } });
    expect(first.edges).toHaveLength(25);
    const second = (await manager(TRACKS, { after: first.pageInfo.endCursor })).data!.learningTracks;
    expect(second.edges[0].node.id).not.toBe(first.edges[24].node.id);
    const search = (await manager(TRACKS, { search: 'LAGAFFEKTIVT' })).data!.learningTracks;
    expect(search.totalCount).toBeGreaterThan(0);
    expect(search.edges.every(({ node }: { node: { title: string } }) => node.title.startsWith('Lågaffektivt'))).toBe(true);
  });

  it("lets an organisation admin make their organisation's co-created track, shown to others only once shared", async () => {
    const refused = await orgAdmin(CREATE, { input: { externalKey: 'MOT-1', title: 'Vår egen demensvård' } });
    expect(refused.data!.learningTrackCreate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const elsewhere = await orgAdmin(CREATE, {
      input: { externalKey: 'MOT-1', title: 'Vår egen demensvård', organisationId: norrkoping.id },
    });
    expect(elsewhere.data!.learningTrackCreate.errors).toEqual([expect.objectContaining({ field: 'organisationId', code: 'FORBIDDEN' })]);

    const created = await orgAdmin(CREATE, {
      input: { externalKey: 'MOT-1', title: 'Vår egen demensvård', organisationId: motala.id, status: 'PUBLISHED' },
    });
    expect(created.data!.learningTrackCreate).toMatchObject({ errors: [], learningTrack: { coCreated: true, sharedWithMembers: false } });
    const id = created.data!.learningTrackCreate.learningTrack.id;
    const seen = async (client: GraphQLClient) => (await client(TRACKS, { search: 'egen demensvård' })).data!.learningTracks.totalCount;
    expect([await seen(manager), await seen(managerNorrkoping)]).toEqual([1, 0]);

    const shared = await orgAdmin(UPDATE, { input: { id, sharedWithMembers: true } });
    expect(shared.data!.learningTrackUpdate).toMatchObject({ errors: [], learningTrack: { sharedWithMembers: true } });
    expect(await seen(managerNorrkoping)).toBe(1);
    const byManager = await manager(UPDATE, { input: { id, title: 'Kapad' } });
    expect(byManager.data!.learningTrackUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    // `manageable` says what the portal may offer to change, by the same rule the mutations apply.
    const MANAGEABLE = `query($id: ID!) { node(id: $id) { ... on LearningTrack { manageable } } }`;
    const common = (await api.graphql(TRACKS, { search: 'SP-001' })).data!.learningTracks.edges[0].node.id;
    const manageable = async (client: GraphQLClient, track: string) => (await client(MANAGEABLE, { id: track })).data!.node.manageable;
    expect([await manageable(api.graphql, id), await manageable(orgAdmin, id), await manageable(manager, id)]).toEqual([true, true, false]);
    expect([
      await manageable(api.graphql, common),
      await manageable(orgAdmin, common),
      await manageable(managerNorrkoping, common),
    ]).toEqual([true, false, false]);
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await snapshot(api);
    const response = await api.graphql(CREATE, {
      input: { externalKey: 'ogiltig nyckel', title: ' ', estimatedMinutes: 0, languages: ['svenska'] },
    });
    const fields = response.data!.learningTrackCreate.errors.map((error: { field: string }) => error.field).sort();
    expect(fields).toEqual(['estimatedMinutes', 'externalKey', 'languages', 'title']);
    const taken = await api.graphql(CREATE, { input: { externalKey: 'SP-001', title: 'Dubblett' } });
    expect(taken.data!.learningTrackCreate.errors).toEqual([expect.objectContaining({ field: 'externalKey', code: 'TAKEN' })]);
    expect(await snapshot(api)).toBe(before);
  });

  it('hides drafts from readers, retires a track with an audit entry, and lets a training API client read', async () => {
    const draft = await api.graphql(CREATE, { input: { externalKey: 'UTKAST-1', title: 'Utkast om munvård' } });
    const id = draft.data!.learningTrackCreate.learningTrack.id;
    expect((await manager(`query($id: ID!) { node(id: $id) { id } }`, { id })).data!.node).toBeNull();
    const retired = await api.graphql(
      `mutation($input: LearningTrackRetireInput!) { learningTrackRetire(input: $input) { learningTrack { status } ${USER_ERRORS} } }`,
      {
        input: { id },
      },
    );
    expect(retired.data!.learningTrackRetire).toEqual({ learningTrack: { status: 'RETIRED' }, errors: [] });
    const audit = await api.graphql(`query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation } } } }`, {
      id,
    });
    expect(audit.data!.auditEntries.edges.map(({ node }: { node: { operation: string } }) => node.operation).sort()).toEqual([
      'learningTrackCreate',
      'learningTrackRetire',
    ]);
    const reader = await apiClient(['READ_TRAINING']);
    expect((await reader(`{ learningTracks { totalCount } }`)).data!.learningTracks.totalCount).toBe(61);
    const directory = await apiClient(['READ_DIRECTORY']);
    expect((await directory(`{ learningTracks { totalCount } }`)).data!.learningTracks.totalCount).toBe(0);
  });
});
