import { describe, it, expect } from 'vitest';
import { generateNationalDirectory, generateOstergotlandDirectory, type SeedDirectory } from './demo-data.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Luhn (mod 10) check over all ten digits of an organisation number. */
function passesLuhn(organisationNumber: string): boolean {
  const digits = organisationNumber.replace('-', '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Every rule the database enforces (and a few the demo promises); returns the violations found. */
function problems(dir: SeedDirectory): string[] {
  const out: string[] = [];
  const orgIds = new Set(dir.organisations.map((o) => o.id));
  const workplaces = new Map(dir.workplaces.map((w) => [w.id, w]));
  const personIds = new Set(dir.people.map((p) => p.id));
  const ids = [...dir.organisations, ...dir.workplaces, ...dir.people, ...dir.roleAssignments].map((x) => x.id);
  if (new Set(ids).size !== ids.length) out.push('duplicate ids');
  for (const id of ids) if (!UUID_V4.test(id)) out.push(`not a v4 uuid: ${id}`);

  const numbers = dir.organisations.map((o) => o.organisationNumber);
  if (new Set(numbers).size !== numbers.length) out.push('duplicate organisation numbers');
  for (const n of numbers) {
    if (!/^\d{6}-\d{4}$/.test(n) || !passesLuhn(n) || Number(n[2]) < 2) out.push(`bad organisation number ${n}`);
  }
  if (dir.organisations.filter((o) => o.isPrincipal).length > 1) out.push('more than one principal');

  const namesPerOrg = new Map<string, Set<string>>();
  for (const w of dir.workplaces) {
    if (!orgIds.has(w.organisationId)) out.push(`workplace ${w.id} has unknown organisation`);
    const names = namesPerOrg.get(w.organisationId) ?? new Set<string>();
    if (names.has(w.name.toLowerCase())) out.push(`duplicate workplace name ${w.name}`);
    names.add(w.name.toLowerCase());
    namesPerOrg.set(w.organisationId, names);
    if (!/^\d{3} \d{2}$/.test(w.postalCode)) out.push(`bad postal code ${w.postalCode}`);
    if ((w.status === 'LEFT') !== (w.leftOn !== null)) out.push(`status/leftOn mismatch at ${w.name}`);
    if (w.leftOn !== null && w.leftOn <= w.joinedOn) out.push(`left before joining at ${w.name}`);
    if (w.employeeCount < 8 || w.employeeCount > 120) out.push(`employee count ${w.employeeCount} at ${w.name}`);
  }

  const emails = dir.people.map((p) => p.email.toLowerCase());
  if (new Set(emails).size !== emails.length) out.push('duplicate e-mail addresses');
  for (const p of dir.people) {
    if (!orgIds.has(p.homeOrganisationId)) out.push(`person ${p.id} has unknown home organisation`);
    if (!/^[a-z0-9.-]+@[a-z0-9.-]+\.se$/.test(p.email)) out.push(`bad e-mail ${p.email}`);
    if (p.phone !== null && !/^0\d{1,3}-\d{2,3}( \d{2}){2}$/.test(p.phone)) out.push(`bad phone ${p.phone}`);
  }

  const periods = new Map<string, { startsOn: string; endsOn: string | null }[]>();
  for (const a of dir.roleAssignments) {
    if (!personIds.has(a.personId)) out.push(`assignment ${a.id} has unknown person`);
    const workplaceRole = a.role === 'MANAGER' || a.role === 'WORKPLACE_COORDINATOR' || a.role === 'COMPETENCE_COORDINATOR';
    const scopeOk = workplaceRole
      ? a.workplaceId !== null && a.organisationId === null
      : a.role === 'ORGANISATION_ADMIN'
        ? a.organisationId !== null && a.workplaceId === null
        : a.organisationId === null && a.workplaceId === null;
    if (!scopeOk) out.push(`scope violates role rules: ${a.role} ${a.id}`);
    if (a.organisationId !== null && !orgIds.has(a.organisationId)) out.push(`assignment ${a.id} has unknown organisation`);
    if (a.endsOn !== null && a.endsOn < a.startsOn) out.push(`assignment ${a.id} ends before it starts`);
    if (a.workplaceId === null) continue;
    const w = workplaces.get(a.workplaceId);
    if (!w) {
      out.push(`assignment ${a.id} has unknown workplace`);
      continue;
    }
    if (a.startsOn < w.joinedOn) out.push(`assignment ${a.id} starts before the workplace joined`);
    if (w.leftOn !== null && (a.endsOn === null || a.endsOn > w.leftOn)) out.push(`assignment ${a.id} outlives its workplace`);
    if (a.role !== 'COMPETENCE_COORDINATOR') {
      const key = `${a.workplaceId}/${a.role}`;
      periods.set(key, [...(periods.get(key) ?? []), { startsOn: a.startsOn, endsOn: a.endsOn }]);
    }
  }
  for (const [key, list] of periods) {
    const sorted = [...list].sort((x, y) => x.startsOn.localeCompare(y.startsOn));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (!previous || !current || previous.endsOn === null || previous.endsOn > current.startsOn)
        out.push(`overlapping periods at ${key}`);
    }
  }
  return out;
}

describe('generateOstergotlandDirectory', () => {
  const dir = generateOstergotlandDirectory();

  it('is deterministic for a seed and varies with it', () => {
    expect(generateOstergotlandDirectory()).toEqual(dir);
    expect(generateOstergotlandDirectory(7)).toEqual(generateOstergotlandDirectory(7));
    expect(generateOstergotlandDirectory(7).people[1]?.id).not.toBe(dir.people[1]?.id);
  });

  it('keeps every rule the database checks', () => {
    expect(problems(dir)).toEqual([]);
    expect(problems(generateOstergotlandDirectory(12345))).toEqual([]);
  });

  it('has the 13 municipalities and the region, with Linköping as the only principal', () => {
    expect(dir.organisations).toHaveLength(14);
    expect(dir.organisations.filter((o) => o.isPrincipal).map((o) => o.name)).toEqual(['Linköpings kommun']);
    expect(dir.organisations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'Boxholms kommun',
        'Finspångs kommun',
        'Kinda kommun',
        'Mjölby kommun',
        'Motala kommun',
        'Norrköpings kommun',
        'Söderköpings kommun',
        'Vadstena kommun',
        'Valdemarsviks kommun',
        'Ydre kommun',
        'Åtvidabergs kommun',
        'Ödeshögs kommun',
        'Region Östergötland',
      ]),
    );
    for (const o of dir.organisations) {
      expect(o.organisationNumber).toMatch(/^\d{6}-\d{4}$/);
      expect(passesLuhn(o.organisationNumber), o.organisationNumber).toBe(true);
      expect(o.populations.map((p) => p.year)).toEqual([2022, 2023, 2024]);
    }
    const region = dir.organisations.find((o) => o.kind === 'REGION');
    const municipalities = dir.organisations.filter((o) => o.kind === 'MUNICIPALITY');
    expect(municipalities).toHaveLength(13);
    for (const year of [2022, 2023, 2024]) {
      const of = (o: (typeof dir.organisations)[number]) => o.populations.find((p) => p.year === year)?.population ?? 0;
      expect(region && of(region)).toBe(municipalities.reduce((s, o) => s + of(o), 0));
    }
  });

  it('has about 600 workplaces with unique names per organisation', () => {
    expect(dir.workplaces.length).toBeGreaterThanOrEqual(550);
    expect(dir.workplaces.length).toBeLessThanOrEqual(650);
    const region = dir.organisations.find((o) => o.kind === 'REGION');
    const regional = dir.workplaces.filter((w) => w.organisationId === region?.id);
    expect(regional.length).toBeGreaterThanOrEqual(20);
    expect(regional.every((w) => w.type === 'PRIMARY_CARE' || w.type === 'HOSPITAL_CARE')).toBe(true);
    for (const o of dir.organisations) {
      const names = dir.workplaces.filter((w) => w.organisationId === o.id).map((w) => w.name);
      expect(names.length, o.name).toBeGreaterThan(0);
      expect(new Set(names).size, o.name).toBe(names.length);
    }
  });

  it('has unique e-mail addresses and the administrator first', () => {
    const emails = dir.people.map((p) => p.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(dir.people[0]).toMatchObject({ firstName: 'Anna', lastName: 'Lindqvist', email: 'anna.lindqvist@linkoping.se' });
    const admins = dir.roleAssignments.filter((a) => a.role === 'ADMINISTRATOR');
    expect(admins.map((a) => a.personId)).toEqual([dir.people[0]?.id]);
  });

  it('has four competence coordinators in Linköping sharing all workplaces', () => {
    const linkoping = dir.organisations.find((o) => o.isPrincipal);
    const cc = dir.roleAssignments.filter((a) => a.role === 'COMPETENCE_COORDINATOR');
    const holders = [...new Set(cc.map((a) => a.personId))];
    expect(holders).toHaveLength(4);
    expect(holders).toEqual(dir.people.slice(1, 5).map((p) => p.id));
    for (const id of holders) {
      expect(dir.people.find((p) => p.id === id)?.homeOrganisationId).toBe(linkoping?.id);
      const share = cc.filter((a) => a.personId === id).length / dir.workplaces.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
    expect(new Set(cc.map((a) => a.workplaceId)).size).toBe(dir.workplaces.length);
  });

  it('staffs most workplaces and has one organisation admin per member', () => {
    const active = dir.workplaces.filter((w) => w.status === 'ACTIVE');
    const current = (role: string) =>
      new Set(dir.roleAssignments.filter((a) => a.role === role && a.endsOn === null).map((a) => a.workplaceId));
    const managed = active.filter((w) => current('MANAGER').has(w.id)).length / active.length;
    const coordinated = active.filter((w) => current('WORKPLACE_COORDINATOR').has(w.id)).length / active.length;
    expect(managed).toBeGreaterThan(0.8);
    expect(managed).toBeLessThan(0.97);
    expect(coordinated).toBeGreaterThan(0.75);
    expect(coordinated).toBeLessThan(0.93);
    expect(dir.roleAssignments.some((a) => a.role === 'MANAGER' && a.endsOn !== null)).toBe(true);
    const orgAdmins = dir.roleAssignments.filter((a) => a.role === 'ORGANISATION_ADMIN').map((a) => a.organisationId);
    expect(orgAdmins.sort()).toEqual(dir.organisations.map((o) => o.id).sort());
  });
});

describe('generateNationalDirectory', () => {
  // How fast it builds is the bench's business (never a timed test); this checks only the rules.
  it('builds the default national dataset and keeps the rules', () => {
    const dir = generateNationalDirectory();
    expect(dir.organisations).toHaveLength(290);
    expect(dir.organisations.filter((o) => o.kind === 'REGION')).toHaveLength(21);
    expect(dir.workplaces).toHaveLength(20_000);
    expect(Math.abs(dir.people.length - 100_000)).toBeLessThanOrEqual(5_000);
    const emails = dir.people.map((p) => p.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    const names = dir.organisations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    const total = dir.organisations
      .filter((o) => o.kind === 'MUNICIPALITY')
      .reduce((s, o) => s + (o.populations.find((p) => p.year === 2024)?.population ?? 0), 0);
    expect(total).toBeGreaterThan(10_000_000);
    expect(total).toBeLessThan(11_000_000);
    const perOrg = new Map<string, number>();
    for (const w of dir.workplaces) perOrg.set(w.organisationId, (perOrg.get(w.organisationId) ?? 0) + 1);
    expect(Math.min(...perOrg.values())).toBeGreaterThanOrEqual(3);
    expect(problems(dir)).toEqual([]);
  });

  it('honours smaller sizes and is deterministic', () => {
    const options = { organisations: 30, workplaces: 900, people: 5_000, seed: 3 };
    const dir = generateNationalDirectory(options);
    expect(generateNationalDirectory(options)).toEqual(dir);
    expect(dir.organisations).toHaveLength(30);
    expect(dir.workplaces).toHaveLength(900);
    expect(dir.people).toHaveLength(5_000);
    expect(problems(dir)).toEqual([]);
  });
});
