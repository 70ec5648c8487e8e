import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { generateOstergotlandDirectory } from '@evikomp/api/seed/demo-data';
import { createOrganisation, signedInPerson, snapshot, USER_ERRORS } from '../support/factories.js';

const TOTAL_2022 = 7_106_957;
const YEAR = `costShareYear(year: $year) {
  id year totalCost keyKind frozenAt missing
  costBasis { baseYear baseCost baseYearPriceIndex priceIndex }
  rows { organisation { id name } organisationName group keyValue participation daysInForce keyShare exactShare rounding amount }
}`;
const READ = `query($year: Int!) { ${YEAR} }`;
const SET = `mutation($input: CostShareYearSetInput!) { costShareYearSet(input: $input) { costShareYear { year } ${USER_ERRORS} } }`;
const WEIGHTS = `mutation($input: CostShareWeightsSetInput!) { costShareWeightsSet(input: $input) { costShareYear { year keyKind } ${USER_ERRORS} } }`;
const FREEZE = `mutation($input: CostShareYearFreezeInput!) { costShareYearFreeze(input: $input) { costShareYear { year frozenAt } ${USER_ERRORS} } }`;
const AGREEMENT_CREATE = `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id endsOn } ${USER_ERRORS} } }`;
const NOTICE = `mutation($input: AgreementGiveNoticeInput!) { agreementGiveNotice(input: $input) { agreement { id endsOn } ${USER_ERRORS} } }`;
const POPULATION = `mutation($input: OrganisationPopulationSetInput!) { organisationPopulationSet(input: $input) { ${USER_ERRORS} } }`;
const EXPORT = `query($year: Int!, $format: ExportFormat!, $language: Language) {
  costShareExport(year: $year, format: $format, language: $language) { fileName contentType contentBase64 }
}`;

interface Row {
  organisation: { id: string; name: string } | null;
  organisationName: string;
  group: 'REGION' | 'MUNICIPALITIES';
  keyValue: number;
  participation: number;
  daysInForce: number | null;
  keyShare: number;
  exactShare: number;
  rounding: number;
  amount: number;
}

const SERVICES = ['LEARNING_PLATFORM', 'LEADER_SUPPORT', 'WORKPLACE_SUPPORT', 'CO_CREATION', 'TEACHER_SUPPORT', 'NETWORKS'];
const seed = generateOstergotlandDirectory();

let api: TestApi;
/** Organisation global id and agreement id by name. */
const members = new Map<string, { id: string; agreementId: string; population2022: number; kind: string }>();

async function read(year: number, client = api.graphql) {
  const response = await client(READ, { year });
  expect(response.errors).toBeUndefined();
  return response.data!.costShareYear as {
    totalCost: number | null;
    missing: string[];
    frozenAt: string | null;
    keyKind: string;
    costBasis: { baseYear: number } | null;
    rows: Row[];
  } | null;
}

async function expectOk(query: string, input: Record<string, unknown>) {
  const response = await api.graphql(query, { input });
  expect(response.errors).toBeUndefined();
  const payload = Object.values(response.data!)[0] as { errors: unknown[] };
  expect(payload.errors).toEqual([]);
  return payload;
}

const sum = (rows: Row[]) => rows.reduce((total, row) => total + row.amount, 0);
const rowOf = (rows: Row[], name: string) => rows.find((row) => row.organisationName === name)!;

beforeAll(async () => {
  api = await startTestApi();
  // The 14 members with the demo data's populations, each with an agreement in force since 2022.
  for (const organisation of seed.organisations) {
    const created = await createOrganisation(api, {
      name: organisation.name,
      kind: organisation.kind,
      organisationNumber: organisation.organisationNumber,
      isPrincipal: organisation.isPrincipal,
      populations: organisation.populations,
    });
    const agreement = (await expectOk(AGREEMENT_CREATE, {
      organisationId: created.id,
      signedOn: '2021-11-15',
      startsOn: '2022-01-01',
      firstPeriodEndsOn: '2025-12-31',
      services: SERVICES,
    })) as unknown as { agreement: { id: string } };
    members.set(organisation.name, {
      id: created.id,
      agreementId: agreement.agreement.id,
      population2022: organisation.populations.find((figure) => figure.year === 2022)!.population,
      kind: organisation.kind,
    });
  }
  await expectOk(SET, { year: 2022, baseCost: TOTAL_2022, priceIndex: 100 });
});
afterAll(() => api?.stop());

describe('cost shares', () => {
  it('shares 2022 exactly: the region 15 %, each municipality its population share of 85 %, within one krona', async () => {
    const year = (await read(2022))!;
    expect(year.missing).toEqual([]);
    expect(year.totalCost).toBe(TOTAL_2022);
    expect(year.rows).toHaveLength(14);
    expect(sum(year.rows)).toBe(TOTAL_2022);
    const region = year.rows.find((row) => row.group === 'REGION')!;
    expect(year.rows[0]).toBe(region);
    expect(Math.abs(region.amount - TOTAL_2022 * 0.15)).toBeLessThanOrEqual(1);
    const municipalities = [...members].filter(([, member]) => member.kind === 'MUNICIPALITY');
    const population = municipalities.reduce((total, [, member]) => total + member.population2022, 0);
    for (const [name, member] of municipalities) {
      const row = rowOf(year.rows, name);
      const exact = (TOTAL_2022 * 0.85 * member.population2022) / population;
      expect(Math.abs(row.amount - exact), name).toBeLessThanOrEqual(1);
      expect(row.exactShare).toBeCloseTo(exact, 4);
      expect(row.amount - Math.floor(row.exactShare)).toBe(row.rounding);
      expect(row.keyValue).toBe(member.population2022);
      expect(row.participation).toBe(1);
      expect(row.daysInForce).toBe(365);
    }
    // Swedish order: Åtvidaberg and Ödeshög last.
    expect(year.rows.slice(-2).map((row) => row.organisationName)).toEqual(['Åtvidabergs kommun', 'Ödeshögs kommun']);
  });

  it('follows weights when the key is entered as weights: Linköping at 34.60 % pays 2,090,156 kr of 2022', async () => {
    const before = (await read(2022))!;
    const others = [...members].filter(([name, member]) => member.kind === 'MUNICIPALITY' && !name.startsWith('Linköping'));
    // The others share the remaining 65.40 % by population, as the region's published key would give them.
    const othersPopulation = others.reduce((total, [, member]) => total + member.population2022, 0);
    const weights = [
      { organisationId: members.get('Linköpings kommun')!.id, weight: 34.6 },
      ...others.map(([, member]) => ({ organisationId: member.id, weight: (65.4 * member.population2022) / othersPopulation })),
      { organisationId: members.get('Region Östergötland')!.id, weight: 1 },
    ];
    await expectOk(WEIGHTS, { year: 2022, weights });
    const year = (await read(2022))!;
    expect(year.keyKind).toBe('WEIGHTS');
    expect(rowOf(year.rows, 'Linköpings kommun').amount).toBe(2_090_156);
    expect(sum(year.rows)).toBe(TOTAL_2022);
    expect(rowOf(year.rows, 'Region Östergötland').amount).toBe(rowOf(before.rows, 'Region Östergötland').amount);
    await expectOk(SET, { year: 2022, keyKind: 'POPULATION' });
  });

  it('indexes a later year by KPI; a member whose agreement ended the year before takes no part; half a year is half the weight', async () => {
    await expectOk(SET, { year: 2024, priceIndex: 104 });
    let year = (await read(2024))!;
    expect(year.totalCost).toBe(Math.round((TOTAL_2022 * 104) / 100));
    expect(year.costBasis).toMatchObject({ baseYear: 2022, baseCost: TOTAL_2022, baseYearPriceIndex: 100, priceIndex: 104 });
    expect(year.missing).toEqual([]);

    // Ydre gave notice early in 2022: its agreement ended on 31 December 2023, before 2024 began.
    // Kinda (first period to 2023) gave notice on 1 July 2023: its last day is 30 June 2024, half of 2024.
    await expectOk(NOTICE, { id: members.get('Ydre kommun')!.agreementId, noticeGivenOn: '2022-03-01' });
    const ydre = await api.graphql(
      `mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { agreement { endsOn } ${USER_ERRORS} } }`,
      { input: { id: members.get('Ydre kommun')!.agreementId, firstPeriodEndsOn: '2023-12-31' } },
    );
    expect(ydre.data!.agreementUpdate).toEqual({ agreement: { endsOn: '2023-12-31' }, errors: [] });
    await expectOk(`mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { ${USER_ERRORS} } }`, {
      id: members.get('Kinda kommun')!.agreementId,
      firstPeriodEndsOn: '2023-12-31',
    });
    const kinda = (await expectOk(NOTICE, { id: members.get('Kinda kommun')!.agreementId, noticeGivenOn: '2023-07-01' })) as unknown as {
      agreement: { endsOn: string };
    };
    expect(kinda.agreement.endsOn).toBe('2024-06-30');

    year = (await read(2024))!;
    expect(sum(year.rows)).toBe(year.totalCost);
    expect(year.rows.map((row) => row.organisationName)).not.toContain('Ydre kommun');
    const kindaRow = rowOf(year.rows, 'Kinda kommun');
    expect(kindaRow.daysInForce).toBe(182);
    expect(kindaRow.participation).toBeCloseTo(182 / 366, 10);
    const municipalities = year.rows.filter((row) => row.group === 'MUNICIPALITIES');
    const weight = (row: Row) => row.keyValue * row.participation;
    const totalWeight = municipalities.reduce((total, row) => total + weight(row), 0);
    for (const row of municipalities) {
      expect(Math.abs(row.amount - (year.totalCost! * 0.85 * weight(row)) / totalWeight), row.organisationName).toBeLessThanOrEqual(1);
    }
    // The others carry what Ydre and half of Kinda no longer do: Linköping's key share grew against 2022's.
    const linkoping2022 = rowOf((await read(2022))!.rows, 'Linköpings kommun').keyShare;
    expect(rowOf(year.rows, 'Linköpings kommun').keyShare).toBeGreaterThan(linkoping2022);
  });

  it('freezes a year: later population and index changes do not move it, and its inputs refuse changes', async () => {
    await expectOk(SET, { year: 2023, priceIndex: 102 });
    const before = (await read(2023))!;
    expect(before.rows.length).toBeGreaterThan(0);
    await expectOk(FREEZE, { year: 2023 });
    await expectOk(POPULATION, { organisationId: members.get('Motala kommun')!.id, year: 2023, population: 99_999 });
    await expectOk(SET, { year: 2022, priceIndex: 90 });
    const after = (await read(2023))!;
    expect(after.frozenAt).not.toBeNull();
    expect(after.totalCost).toBe(before.totalCost);
    expect(after.rows.map(({ daysInForce: _days, ...row }) => row)).toEqual(before.rows.map(({ daysInForce: _days, ...row }) => row));
    // The live 2024 figures do follow the base year's index.
    expect((await read(2024))!.totalCost).toBe(Math.round((TOTAL_2022 * 104) / 90));
    await expectOk(SET, { year: 2022, priceIndex: 100 });

    const unchanged = await snapshot(api);
    const refused = await api.graphql(SET, { input: { year: 2023, priceIndex: 150 } });
    expect(refused.data!.costShareYearSet).toEqual({
      costShareYear: null,
      errors: [{ field: 'year', code: 'CONFLICT', message: expect.stringContaining('frozen') }],
    });
    const again = await api.graphql(FREEZE, { input: { year: 2023 } });
    expect(again.data!.costShareYearFreeze.errors[0]).toMatchObject({ field: 'year', code: 'CONFLICT' });
    expect(await snapshot(api)).toBe(unchanged);
  });

  it('says what is missing and refuses to freeze an incomplete year, writing nothing', async () => {
    await expectOk(SET, { year: 2026 });
    const year = (await read(2026))!;
    expect(year.totalCost).toBeNull();
    expect(year.missing).toEqual(['PRICE_INDEX', 'DISTRIBUTION_KEY']);
    const unchanged = await snapshot(api);
    const refused = await api.graphql(FREEZE, { input: { year: 2026 } });
    expect(refused.data!.costShareYearFreeze.errors).toEqual([
      { field: 'year', code: 'CONFLICT', message: expect.stringContaining('PRICE_INDEX') },
    ]);
    const bad = await api.graphql(SET, { input: { year: 1850, baseCost: -5, priceIndex: 0 } });
    expect(bad.data!.costShareYearSet.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'baseCost',
      'priceIndex',
      'year',
    ]);
    expect(await snapshot(api)).toBe(unchanged);
  });

  it('exports a year as XLSX and as a Swedish-Excel CSV that add up to the total', async () => {
    const year = (await read(2022))!;
    const xlsx = (await api.graphql(EXPORT, { year: 2022, format: 'XLSX' })).data!.costShareExport;
    expect(xlsx.fileName).toBe('kostnadsfordelning-2022.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Organisation');
    expect(sheet.getRow(1).getCell(8).value).toBe('Belopp (kr)');
    const amounts: number[] = [];
    for (let index = 2; index <= year.rows.length + 1; index++) amounts.push(Number(sheet.getRow(index).getCell(8).value));
    expect(amounts).toEqual(year.rows.map((row) => row.amount));
    expect(sheet.getRow(year.rows.length + 2).getCell(8).value).toBe(TOTAL_2022);

    const csv = (await api.graphql(EXPORT, { year: 2022, format: 'CSV', language: 'EN' })).data!.costShareExport;
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Organisation;Part;Population or weight;Part of the year;Key share;Exact share (SEK);Rounding (SEK);Amount (SEK)',
    );
    expect(lines).toHaveLength(year.rows.length + 2);
    expect(lines.at(-1)!.split(';').at(-1)).toBe(String(TOTAL_2022));
  });

  it('lets organisation admins read but not change, and keeps everyone else out', async () => {
    const boxholm = members.get('Boxholms kommun')!;
    const organisationAdmin = await signedInPerson(api, boxholm.id, { role: 'ORGANISATION_ADMIN', organisationId: boxholm.id });
    expect((await read(2022, organisationAdmin.client))!.totalCost).toBe(TOTAL_2022);
    const unchanged = await snapshot(api);
    const refused = await organisationAdmin.client(SET, { input: { year: 2022, priceIndex: 1 } });
    expect(refused.data!.costShareYearSet.errors[0]).toMatchObject({ code: 'FORBIDDEN' });
    const refusedAgreement = await organisationAdmin.client(NOTICE, { input: { id: boxholm.agreementId, noticeGivenOn: '2026-01-01' } });
    expect(refusedAgreement.data!.agreementGiveNotice.errors[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot(api)).toBe(unchanged);

    const other = await createOrganisation(api);
    const withoutRole = await signedInPerson(api, other.id);
    const forbidden = await withoutRole.client(READ, { year: 2022 });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Agreements are public documents: anyone signed in reads them.
    const agreements = await withoutRole.client(`{ agreements { organisation { name } status(on: "2022-06-01") } }`);
    expect(agreements.data!.agreements).toHaveLength(14);
    const ydre = agreements.data!.agreements.find(
      (agreement: { organisation: { name: string } }) => agreement.organisation.name === 'Ydre kommun',
    );
    expect(ydre.status).toBe('NOTICE_GIVEN');
    const inForce = await withoutRole.client(`{ agreements(status: IN_FORCE, on: "2022-06-01") { id } }`);
    expect(inForce.data!.agreements).toHaveLength(13);
  });
});
