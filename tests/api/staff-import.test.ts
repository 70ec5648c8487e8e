/**
 * Acceptance 3, the staff part: an import of 2,000 rows (CSV and XLSX) creates and updates people and
 * employments; importing it again changes nothing; one bad row imports nothing; an organisation admin
 * cannot import into another organisation; a complete file ends those missing; a dry run writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { todayInSweden } from '@evikomp/api/platform/swedish-time';
import { createOrganisation, createPerson, createWorkplace, signedInPerson, snapshot } from '../support/factories.js';
import { staffCsv, staffRows, staffXlsx, type StaffRow } from '../support/staff-files.js';

const IMPORT = `mutation($input: StaffImportInput!) {
  staffImport(input: $input) {
    imported
    summary { created updated unchanged ended failed invited }
    rows { rowNumber action name changes problems { column field code message messageSv } }
    errors { field message code }
  }
}`;

interface Report {
  imported: boolean;
  summary: { created: number; updated: number; unchanged: number; ended: number; failed: number; invited: number } | null;
  rows: {
    rowNumber: number | null;
    action: string;
    name: string;
    changes: string[];
    problems: { column: string | null; field: string | null; code: string; message: string; messageSv: string }[];
  }[];
  errors: { field: string | null; code: string; message: string }[];
}

let api: TestApi;
/** SQL statements of the last import: a constant few, whatever the number of rows (no round trip per row). */
let lastStatements = 0;
let organisationId: string;
let otherOrganisationId: string;
const workplaces = ['Hemtjänst Norr', 'Hemtjänst Söder', 'Äldreboendet Solgården', 'LSS Ängen'];

async function importStaff(input: Record<string, unknown>, client: GraphQLClient = api.graphql): Promise<Report> {
  const response = await client<{ staffImport: Report }>(IMPORT, { input: { organisationId, format: 'CSV', ...input } });
  expect(response.errors).toBeUndefined();
  lastStatements = response.sqlStatements;
  return response.data!.staffImport;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await api.orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from (${sql}) counted`, params);
  return row!.n;
}

const auditEntries = () => count(`select 1 from audit_entry where operation = 'staffImport'`);
const latestChange = async () =>
  (
    await api.orm.em
      .getConnection()
      .execute<{ at: string }[]>(
        `select greatest((select max(updated_at) from employment), (select max(updated_at) from person))::text as at`,
      )
  )[0]!.at;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api, { name: 'Importkommun' })).id;
  otherOrganisationId = (await createOrganisation(api, { name: 'Grannkommun' })).id;
  for (const name of workplaces) await createWorkplace(api, organisationId, { name });
  await createWorkplace(api, otherOrganisationId, { name: 'Hemtjänst Norr' });
});
afterAll(() => api?.stop());

describe('an import of 2,000 rows', () => {
  const rows = staffRows(2000, workplaces);

  it('as CSV creates the people and their employments in a few seconds', async () => {
    const started = Date.now();
    const report = await importStaff({ file: staffCsv(rows) });
    const seconds = (Date.now() - started) / 1000;
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(true);
    expect(report.summary).toEqual({ created: 2000, updated: 0, unchanged: 0, ended: 0, failed: 0, invited: 0 });
    expect(report.rows[0]).toMatchObject({ rowNumber: 2, action: 'CREATED', name: 'Åsa Nilsson0 (A00000)' });
    expect(lastStatements).toBeLessThan(40);
    // About a second on an idle machine; the bound leaves room for a loaded one.
    expect(seconds).toBeLessThan(20);
    expect(await count(`select 1 from employment e join person p on p.id = e.person_id where p.email like 'a.staff%'`)).toBe(2000);
    expect(await count(`select 1 from employment where title = 'Undersköterska' and ends_on is null`)).toBe(500);
    expect(await auditEntries()).toBe(1);
  });

  it('as XLSX with changes updates those people and employments and leaves the rest', async () => {
    const changed: StaffRow[] = rows.map((row, index) => ({
      ...row,
      ...(index % 10 === 0 ? { Befattning: 'Specialistundersköterska' } : {}),
      ...(index % 100 === 1 ? { Efternamn: `Berg${index}` } : {}),
    }));
    changed.push(...staffRows(5, workplaces, 'b'));
    const report = await importStaff({ file: await staffXlsx(changed), format: 'XLSX' });
    expect(report.errors).toEqual([]);
    expect(report.summary).toEqual({ created: 5, updated: 220, unchanged: 1780, ended: 0, failed: 0, invited: 0 });
    expect(report.rows.find((row) => row.rowNumber === 2)).toMatchObject({ action: 'UPDATED', changes: ['title'] });
    expect(report.rows.find((row) => row.rowNumber === 3)).toMatchObject({ action: 'UPDATED', changes: ['lastName'] });
    expect(await count(`select 1 from person where last_name = 'Berg1'`)).toBe(1);
    expect(await count(`select 1 from employment where title = 'Specialistundersköterska'`)).toBe(200);
    expect(await auditEntries()).toBe(2);
    rows.splice(0, rows.length, ...changed);
  });

  it('again, identical, changes nothing: all rows unchanged, no audit entry, no updated_at moves (CSV and XLSX)', async () => {
    const before = await snapshot(api);
    const changedAt = await latestChange();
    for (const file of [{ file: staffCsv(rows) }, { file: await staffXlsx(rows), format: 'XLSX' }]) {
      const report = await importStaff(file);
      expect(report.errors).toEqual([]);
      expect(report.imported).toBe(false);
      expect(report.summary).toEqual({ created: 0, updated: 0, unchanged: 2005, ended: 0, failed: 0, invited: 0 });
      expect(report.rows.every((row) => row.action === 'UNCHANGED')).toBe(true);
    }
    expect(await auditEntries()).toBe(2);
    expect(await latestChange()).toBe(changedAt);
    expect(await snapshot(api)).toBe(before);
  });

  it('with one bad row imports nothing and names the row, the column and the reason in Swedish and English', async () => {
    const bad: StaffRow[] = rows.map((row) => ({ ...row, Befattning: 'Enhetschef' }));
    bad[1233] = { ...bad[1233]!, Från: '2024-13-45' };
    const before = await snapshot(api);
    const report = await importStaff({ file: staffCsv(bad) });
    expect(report.imported).toBe(false);
    expect(report.summary!.failed).toBe(1);
    expect(report.rows.filter((row) => row.action === 'FAILED')).toEqual([
      {
        rowNumber: 1235,
        action: 'FAILED',
        name: expect.stringContaining('Nilsson1233'),
        changes: [],
        problems: [
          {
            column: 'Från',
            field: 'startsOn',
            code: 'INVALID_DATE',
            message: 'Must be a date YYYY-MM-DD.',
            messageSv: 'Måste vara ett datum ÅÅÅÅ-MM-DD.',
          },
        ],
      },
    ]);
    expect(await snapshot(api)).toBe(before);
  });

  it('as a dry run reports what would change and writes nothing', async () => {
    const moved = rows.map((row, index) => (index === 0 ? { ...row, Befattning: 'Samordnare' } : row));
    const before = await snapshot(api);
    const report = await importStaff({ file: staffCsv(moved), dryRun: true, complete: true });
    expect(report.imported).toBe(false);
    expect(report.summary).toMatchObject({ updated: 1, unchanged: 2004, ended: 0, failed: 0 });
    expect(await snapshot(api)).toBe(before);
  });
});

describe('a complete file', () => {
  it('ends the current employments of the organisation missing from it, and keeps them as history', async () => {
    // The state the imports above left: 2,000 staff with some titles and names changed, and five more.
    const all = [
      ...staffRows(2000, workplaces).map((row, index) => ({
        ...row,
        ...(index % 10 === 0 ? { Befattning: 'Specialistundersköterska' } : {}),
        ...(index % 100 === 1 ? { Efternamn: `Berg${index}` } : {}),
      })),
      ...staffRows(5, workplaces, 'b'),
    ];
    const rows = [...all.slice(0, 1990), ...all.slice(2000)];
    const dry = await importStaff({ file: staffCsv(rows), complete: true, dryRun: true });
    expect(dry.summary).toMatchObject({ unchanged: 1995, ended: 10, failed: 0 });
    const report = await importStaff({ file: staffCsv(rows), complete: true });
    expect(report.imported).toBe(true);
    expect(report.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1995, ended: 10, failed: 0 });
    expect(report.rows.filter((row) => row.action === 'ENDED').map((row) => row.rowNumber)).toEqual(Array(10).fill(null));
    // Ended yesterday in Swedish time: the database's current_date is UTC's, a day behind from 23:00 (CET).
    expect(await count(`select 1 from employment where ends_on = ?::date - 1`, [todayInSweden()])).toBe(10);
    expect(await count(`select 1 from employment`)).toBe(2005);
    // Without `complete` the missing ones are left alone.
    const again = await importStaff({ file: staffCsv(rows.slice(0, 100)) });
    expect(again.summary).toMatchObject({ unchanged: 100, ended: 0 });
  });
});

describe('who may import', () => {
  it('an organisation admin imports into their own organisation only: another one is FORBIDDEN and nothing is written', async () => {
    const admin = await signedInPerson(api, organisationId, { role: 'ORGANISATION_ADMIN', organisationId });
    const own = await importStaff({ file: staffCsv(staffRows(3, workplaces, 'c')) }, admin.client);
    expect(own.summary).toMatchObject({ created: 3, failed: 0 });

    const before = await snapshot(api);
    const response = await admin.client<{ staffImport: Report }>(IMPORT, {
      input: { organisationId: otherOrganisationId, format: 'CSV', file: staffCsv(staffRows(3, ['Hemtjänst Norr'], 'd')) },
    });
    expect(response.data!.staffImport.errors).toEqual([
      { field: 'organisationId', code: 'FORBIDDEN', message: expect.stringContaining('administrators') },
    ]);
    expect(response.data!.staffImport.imported).toBe(false);
    expect(await snapshot(api)).toBe(before);
  });

  it('a manager or a person without a role may not import', async () => {
    const manager = await signedInPerson(api, organisationId);
    const response = await manager.client<{ staffImport: Report }>(IMPORT, {
      input: { organisationId, format: 'CSV', file: staffCsv(staffRows(1, workplaces, 'e')) },
    });
    expect(response.data!.staffImport.errors[0]).toMatchObject({ field: 'organisationId', code: 'FORBIDDEN' });
  });
});

describe('the file', () => {
  it('with English headers, commas and Windows-1252 text, is read as well', async () => {
    const text =
      'First name,Last name,Email,Workplace,Title,From\r\nBörje,Åström,borje.astrom@example.se,LSS Ängen,Stödassistent,2025-03-01\r\n';
    const file = Buffer.from(text, 'latin1').toString('base64');
    const report = await importStaff({ file });
    expect(report.errors).toEqual([]);
    expect(report.rows).toEqual([expect.objectContaining({ rowNumber: 2, action: 'CREATED', name: 'Börje Åström' })]);
  });

  it('without a needed column is refused as a whole, naming the file', async () => {
    const file = Buffer.from('Förnamn;Efternamn;E-post\nA;B;a@example.se\n').toString('base64');
    const report = await importStaff({ file });
    expect(report.errors).toEqual([{ field: 'file', code: 'INVALID', message: expect.stringContaining('arbetsplats') }]);
  });

  it('reports each problem of a row: unknown workplace, bad address, someone of another organisation', async () => {
    const outsider = await createPerson(api, otherOrganisationId);
    const rows: StaffRow[] = [
      { Förnamn: 'Kim', Efternamn: 'Ek', 'E-post': 'kim.ek@example.se', Arbetsplats: 'Finns inte', Från: '2025-01-01' },
      { Förnamn: 'Ida', Efternamn: 'Al', 'E-post': 'inte-en-adress', Arbetsplats: workplaces[0]!, Från: '2025-01-01' },
      { Förnamn: 'Ola', Efternamn: 'Ås', 'E-post': outsider.email, Arbetsplats: workplaces[0]!, Från: '2025-01-01' },
      { Förnamn: 'Per', Efternamn: 'Ny', 'E-post': 'per.ny@example.se', Arbetsplats: workplaces[0]!, Från: '2025-01-01' },
    ];
    const report = await importStaff({ file: staffCsv(rows) });
    expect(report.imported).toBe(false);
    expect(report.rows.map((row) => [row.rowNumber, row.action, row.problems.map((problem) => problem.code)])).toEqual([
      [2, 'FAILED', ['UNKNOWN_WORKPLACE']],
      [3, 'FAILED', ['INVALID_EMAIL']],
      [4, 'FAILED', ['OTHER_ORGANISATION']],
      [5, 'CREATED', []],
    ]);
    expect(await count(`select 1 from person where email = 'per.ny@example.se'`)).toBe(0);
  });

  it('with invite, invites the people it creates', async () => {
    const report = await importStaff({ file: staffCsv(staffRows(2, workplaces, 'f')), invite: true });
    expect(report.summary).toMatchObject({ created: 2, invited: 2 });
    expect(await count(`select 1 from account_invitation i join person p on p.id = i.person_id where p.email like 'f.staff%'`)).toBe(2);
  });
});
