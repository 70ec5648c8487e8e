/**
 * Deterministic demo and benchmark data for the directory: member organisations, workplaces, people and role
 * assignments. Pure: no database, no I/O, and all randomness comes from a seeded PRNG, so a seed always gives the
 * same data (ids included).
 */
import {
  DISTRICT_SUFFIXES,
  FEMALE_FIRST_NAMES,
  HOME_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  OSTERGOTLAND_HOSPITALS,
  OSTERGOTLAND_MUNICIPALITIES,
  OSTERGOTLAND_PRIMARY_CARE,
  REGION_OSTERGOTLAND,
  STREET_NAMES,
  SWEDISH_REGIONS,
  TOWN_PREFIXES,
  TOWN_SUFFIXES,
} from './demo-names.js';

export type OrganisationKind = 'MUNICIPALITY' | 'REGION' | 'OTHER';
export type WorkplaceType =
  | 'HOME_CARE'
  | 'NURSING_HOME'
  | 'SHORT_TERM_CARE'
  | 'DISABILITY_SERVICES'
  | 'DAY_ACTIVITIES'
  | 'SOCIAL_PSYCHIATRY'
  | 'HOME_HEALTH_CARE'
  | 'PRIMARY_CARE'
  | 'HOSPITAL_CARE'
  | 'OTHER';
export type Role = 'MANAGER' | 'WORKPLACE_COORDINATOR' | 'COMPETENCE_COORDINATOR' | 'ORGANISATION_ADMIN' | 'ADMINISTRATOR';

export interface SeedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  organisationNumber: string /* 'NNNNNN-NNNN' */;
  isPrincipal: boolean;
  populations: { year: number; population: number }[];
}
export interface SeedWorkplace {
  id: string;
  organisationId: string;
  name: string;
  type: WorkplaceType;
  streetAddress: string;
  postalCode: string /* 'NNN NN' */;
  city: string;
  employeeCount: number;
  joinedOn: string /* YYYY-MM-DD */;
  status: 'ACTIVE' | 'LEFT';
  leftOn: string | null;
}
export interface SeedPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  homeOrganisationId: string;
}
export interface SeedRoleAssignment {
  id: string;
  personId: string;
  role: Role;
  workplaceId: string | null;
  organisationId: string | null;
  startsOn: string;
  endsOn: string | null;
}
export interface SeedDirectory {
  organisations: SeedOrganisation[];
  workplaces: SeedWorkplace[];
  people: SeedPerson[];
  roleAssignments: SeedRoleAssignment[];
}

const DEFAULT_SEED = 20221201;
const YEARS = [2022, 2023, 2024] as const;
const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const JOIN_FROM = dayOf('2018-09-01');
const JOIN_TO = dayOf('2023-06-30');
/** Latest date for generated events (hand-overs, leaving). */
const HORIZON = dayOf('2025-06-30');
const SERVICE_START = dayOf('2022-12-01');

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`Index ${index} outside 0..${items.length - 1}`);
  return item;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** mulberry32: a tiny, fast, seedable 32-bit PRNG. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  float(): number {
    return this.u32() / 4_294_967_296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.float() * items.length));
  }
  /** The first `count` items of a random permutation (all of them by default). */
  sample<T>(items: readonly T[], count = items.length): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = at(copy, i);
      copy[i] = at(copy, j);
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.float())) * Math.cos(2 * Math.PI * this.float());
  }
  /** An RFC 4122 version-4 UUID built from PRNG bytes. */
  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const w = this.u32();
      bytes.push(w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255);
    }
    bytes[6] = (at(bytes, 6) & 0x0f) | 0x40;
    bytes[8] = (at(bytes, 8) & 0x3f) | 0x80;
    let out = '';
    for (let i = 0; i < 16; i++) out += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + at(HEX, at(bytes, i));
    return out;
  }
}

/** Luhn (mod 10) check digit over a string of digits, as used for Swedish organisation numbers. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
/** 'NNNNNN-NNNC' from nine digits, C being the Luhn check digit. */
const organisationNumber = (nine: string): string => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;

/** Splits `total` over `weights` (largest remainder), giving each at least `minimum`. */
function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const rest = Math.max(0, total - minimum * weights.length);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const counts = exact.map((e) => minimum + Math.floor(e));
  let remaining = rest - exact.reduce((a, e) => a + Math.floor(e), 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (remaining-- <= 0) break;
    counts[i] = at(counts, i) + 1;
  }
  return counts;
}

/** Lower-case ASCII for e-mail addresses and domains: å→a, ä→a, ö→o, é→e; drops anything else. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
/** Swedish genitive of a place name for "<X>s kommun": no -s after a vowel or s/x/z. */
const genitive = (place: string): string => (/[aeiouyåäösxz]$/i.test(place) ? place : `${place}s`);

interface Place {
  label: string;
  city: string;
  postalPrefix: string;
  postalCode?: string;
  street?: string;
}
interface OrgDraft {
  org: SeedOrganisation;
  domain: string;
  areaCode: string;
  places: Place[];
  hospitals: Place[];
  typeWeights: readonly (readonly [WorkplaceType, number])[];
  names: Set<string>;
  cursors: Map<WorkplaceType, { order: Place[]; next: number }>;
  homeNames: string[];
  counter: number;
  drafts: WorkplaceDraft[];
}
interface WorkplaceDraft {
  workplace: SeedWorkplace;
  joined: number;
  left: number | null;
}

const MUNICIPAL_TYPES: readonly (readonly [WorkplaceType, number])[] = [
  ['HOME_CARE', 24],
  ['NURSING_HOME', 24],
  ['SHORT_TERM_CARE', 5],
  ['DISABILITY_SERVICES', 18],
  ['DAY_ACTIVITIES', 8],
  ['SOCIAL_PSYCHIATRY', 6],
  ['HOME_HEALTH_CARE', 8],
  ['OTHER', 7],
];
const REGIONAL_TYPES: readonly (readonly [WorkplaceType, number])[] = [
  ['PRIMARY_CARE', 7],
  ['HOSPITAL_CARE', 3],
];

/** Name templates ({p} place, {h} home name, {k} ward number) and employee ranges per workplace type. */
const TYPES: Record<WorkplaceType, { templates: readonly string[]; employees: readonly [number, number] }> = {
  HOME_CARE: { templates: ['Hemtjänst {p}', 'Hemtjänst {p}', 'Hemtjänstgrupp {p}'], employees: [15, 70] },
  NURSING_HOME: {
    templates: ['Vård- och omsorgsboende {h}', 'Vård- och omsorgsboende {h}', 'Vård- och omsorgsboende {p}', 'Äldreboende {h}'],
    employees: [20, 120],
  },
  SHORT_TERM_CARE: { templates: ['Korttidsboende {p}', 'Korttidsboende {h}'], employees: [12, 45] },
  DISABILITY_SERVICES: { templates: ['LSS-boende {p}', 'Gruppbostad {h}', 'Servicebostad {p}'], employees: [8, 25] },
  DAY_ACTIVITIES: { templates: ['Daglig verksamhet {p}'], employees: [8, 30] },
  SOCIAL_PSYCHIATRY: { templates: ['Socialpsykiatri {p}', 'Boendestöd {p}'], employees: [8, 25] },
  HOME_HEALTH_CARE: { templates: ['Hemsjukvård {p}'], employees: [10, 45] },
  PRIMARY_CARE: { templates: ['Vårdcentral {p}'], employees: [15, 60] },
  HOSPITAL_CARE: { templates: ['{p}, avdelning {k}'], employees: [25, 90] },
  OTHER: { templates: ['Rehabenheten {p}', 'Nattpatrullen {p}', 'Bemanningsenheten {p}', 'Trygghetsteamet {p}'], employees: [8, 30] },
};
const QUALIFIERS = ['Norra', 'Södra', 'Östra', 'Västra'] as const;
const MANAGER_GROUP_SIZES = [1, 1, 1, 2, 2, 3] as const;

class DirectoryBuilder {
  readonly rng: Rng;
  readonly orgs: OrgDraft[] = [];
  readonly people: SeedPerson[] = [];
  readonly roleAssignments: SeedRoleAssignment[] = [];
  private readonly emails = new Map<string, number>();

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  organisation(
    fields: Omit<SeedOrganisation, 'id'>,
    extra: Pick<OrgDraft, 'domain' | 'areaCode' | 'places' | 'hospitals' | 'typeWeights'>,
  ): OrgDraft {
    const draft: OrgDraft = {
      org: { id: this.rng.uuid(), ...fields },
      ...extra,
      names: new Set(),
      cursors: new Map(),
      homeNames: this.rng.sample(HOME_NAMES),
      counter: 0,
      drafts: [],
    };
    this.orgs.push(draft);
    return draft;
  }

  person(org: OrgDraft, firstName?: string, lastName?: string): SeedPerson {
    const rng = this.rng;
    const first = firstName ?? rng.pick(rng.chance(0.82) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = lastName ?? rng.pick(LAST_NAMES);
    const base = `${fold(first)}.${fold(last)}`;
    const key = `${base}@${org.domain}`;
    const n = (this.emails.get(key) ?? 0) + 1;
    this.emails.set(key, n);
    const person: SeedPerson = {
      id: rng.uuid(),
      firstName: first,
      lastName: last,
      email: n === 1 ? key : `${base}${n}@${org.domain}`,
      phone: this.phone(org.areaCode),
      homeOrganisationId: org.org.id,
    };
    this.people.push(person);
    return person;
  }

  private phone(areaCode: string): string | null {
    const rng = this.rng;
    const pair = (): string => String(rng.int(0, 99)).padStart(2, '0');
    const r = rng.float();
    if (r < 0.15) return null;
    if (r < 0.6) return `07${rng.pick([0, 2, 3, 6, 9])}-${rng.int(100, 999)} ${pair()} ${pair()}`;
    return `${areaCode}-${areaCode === '010' ? rng.int(100, 999) : rng.int(10, 89)} ${pair()} ${pair()}`;
  }

  assign(
    person: SeedPerson,
    role: Role,
    scope: { workplaceId?: string; organisationId?: string },
    starts: number,
    ends: number | null,
  ): void {
    this.roleAssignments.push({
      id: this.rng.uuid(),
      personId: person.id,
      role,
      workplaceId: scope.workplaceId ?? null,
      organisationId: scope.organisationId ?? null,
      startsOn: isoOf(starts),
      endsOn: ends === null ? null : isoOf(ends),
    });
  }

  /** Adds `count` workplaces to an organisation, split over its type weights and grouped by type. */
  addWorkplaces(org: OrgDraft, count: number): void {
    const counts = apportion(
      count,
      org.typeWeights.map(([, w]) => w),
    );
    org.typeWeights.forEach(([type], i) => {
      for (let k = 0; k < at(counts, i); k++) org.drafts.push(this.workplace(org, type));
    });
  }

  private workplace(org: OrgDraft, type: WorkplaceType): WorkplaceDraft {
    const rng = this.rng;
    const spec = TYPES[type];
    let cursor = org.cursors.get(type);
    if (!cursor) {
      cursor = { order: rng.sample(type === 'HOSPITAL_CARE' && org.hospitals.length > 0 ? org.hospitals : org.places), next: 0 };
      org.cursors.set(type, cursor);
    }
    const place = at(cursor.order, cursor.next++ % cursor.order.length);
    const base = rng
      .pick(spec.templates)
      .replace('{p}', place.label)
      .replace('{h}', () => at(org.homeNames, org.counter++ % org.homeNames.length))
      .replace('{k}', () => String(++org.counter));
    const joined = JOIN_FROM + Math.floor((JOIN_TO - JOIN_FROM + 1) * rng.float() ** 1.4);
    const left = rng.chance(0.02) ? joined + rng.int(180, HORIZON - joined) : null;
    const [min, max] = spec.employees;
    const workplace: SeedWorkplace = {
      id: rng.uuid(),
      organisationId: org.org.id,
      name: this.uniqueName(org, base),
      type,
      streetAddress: place.street ?? `${rng.pick(STREET_NAMES)} ${rng.int(1, 120)}`,
      postalCode: place.postalCode ?? `${place.postalPrefix} ${rng.int(10, 99)}`,
      city: place.city,
      employeeCount: Math.min(max, min + Math.floor((max - min + 1) * rng.float() ** 2.2)),
      joinedOn: isoOf(joined),
      status: left === null ? 'ACTIVE' : 'LEFT',
      leftOn: left === null ? null : isoOf(left),
    };
    return { workplace, joined, left };
  }

  private uniqueName(org: OrgDraft, base: string): string {
    const candidates = [base, ...QUALIFIERS.map((q) => `${base} ${q}`)];
    for (let n = 2; ; n++) {
      const name = candidates.shift() ?? `${base}, team ${n - QUALIFIERS.length}`;
      if (!org.names.has(name.toLowerCase())) {
        org.names.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** Managers (about 90 %, 1–3 workplaces each, some with a predecessor) and coordinators (about 85 %). */
  staff(org: OrgDraft): void {
    const rng = this.rng;
    const drafts = org.drafts;
    for (let i = 0; i < drafts.length;) {
      const group = drafts.slice(i, i + rng.pick(MANAGER_GROUP_SIZES));
      i += group.length;
      if (!rng.chance(0.9)) continue;
      const manager = this.person(org);
      for (const d of group) {
        const latest = d.left ?? HORIZON;
        let start = Math.min(d.joined + rng.int(0, 60), latest);
        if (latest - d.joined > 200 && rng.chance(0.11)) {
          const handover = d.joined + rng.int(180, Math.min(1400, latest - d.joined - 1));
          this.assign(this.person(org), 'MANAGER', { workplaceId: d.workplace.id }, d.joined, handover);
          start = handover;
        }
        this.assign(manager, 'MANAGER', { workplaceId: d.workplace.id }, start, d.left);
      }
    }
    for (const d of drafts) {
      if (!rng.chance(0.85)) continue;
      const start = Math.min(d.joined + rng.int(0, 90), d.left ?? HORIZON);
      this.assign(this.person(org), 'WORKPLACE_COORDINATOR', { workplaceId: d.workplace.id }, start, d.left);
    }
  }

  /** Splits all workplaces, in order, into equal consecutive blocks, one per competence coordinator. */
  competenceCoordinators(coordinators: readonly SeedPerson[]): void {
    const drafts = this.orgs.flatMap((o) => o.drafts);
    drafts.forEach((d, i) => {
      const coordinator = at(coordinators, Math.floor((i * coordinators.length) / drafts.length));
      this.assign(coordinator, 'COMPETENCE_COORDINATOR', { workplaceId: d.workplace.id }, d.joined, d.left);
    });
  }

  organisationAdmins(): void {
    for (const org of this.orgs) this.assign(this.person(org), 'ORGANISATION_ADMIN', { organisationId: org.org.id }, SERVICE_START, null);
  }

  administrator(home: OrgDraft): void {
    this.assign(this.person(home, 'Anna', 'Lindqvist'), 'ADMINISTRATOR', {}, JOIN_FROM, null);
  }

  directory(): SeedDirectory {
    return {
      organisations: this.orgs.map((o) => o.org),
      workplaces: this.orgs.flatMap((o) => o.drafts.map((d) => d.workplace)),
      people: this.people,
      roleAssignments: this.roleAssignments,
    };
  }
}

/** The demo dataset for Östergötland: 14 members, ~600 workplaces, managers, coordinators, 4 competence coordinators, 1 administrator. */
export function generateOstergotlandDirectory(seed: number = DEFAULT_SEED): SeedDirectory {
  const b = new DirectoryBuilder(seed);
  const municipalities = OSTERGOTLAND_MUNICIPALITIES.map((src) =>
    b.organisation(
      {
        name: src.name,
        kind: 'MUNICIPALITY',
        organisationNumber: src.organisationNumber,
        isPrincipal: src.place === 'Linköping',
        populations: YEARS.map((year, i) => ({ year, population: at(src.populations, i) })),
      },
      {
        domain: src.domain,
        areaCode: src.areaCode,
        hospitals: [],
        typeWeights: MUNICIPAL_TYPES,
        places: [
          ...src.districts.map((label) => ({ label, city: src.town, postalPrefix: b.rng.pick(src.postalPrefixes) })),
          ...src.localities.map(([label, postalPrefix]) => ({ label, city: label, postalPrefix })),
        ],
      },
    ),
  );
  const region = b.organisation(
    {
      name: REGION_OSTERGOTLAND.name,
      kind: 'REGION',
      organisationNumber: REGION_OSTERGOTLAND.organisationNumber,
      isPrincipal: false,
      populations: YEARS.map((year, i) => ({
        year,
        population: OSTERGOTLAND_MUNICIPALITIES.reduce((s, m) => s + at(m.populations, i), 0),
      })),
    },
    {
      domain: REGION_OSTERGOTLAND.domain,
      areaCode: REGION_OSTERGOTLAND.areaCode,
      typeWeights: REGIONAL_TYPES,
      places: OSTERGOTLAND_PRIMARY_CARE.map(([municipality, label]) => {
        const index = OSTERGOTLAND_MUNICIPALITIES.findIndex((m) => m.place === municipality);
        const place = at(municipalities, index).places.find((p) => p.label === label);
        if (!place) throw new Error(`Unknown place ${municipality}/${label}`);
        return { ...place, label: label === 'Centrum' ? place.city : label };
      }),
      hospitals: OSTERGOTLAND_HOSPITALS.map(([label, city, postalCode, street]) => ({ label, city, postalPrefix: '', postalCode, street })),
    },
  );
  const linkoping = at(
    municipalities,
    OSTERGOTLAND_MUNICIPALITIES.findIndex((m) => m.place === 'Linköping'),
  );

  b.administrator(linkoping);
  const coordinators = [b.person(linkoping), b.person(linkoping), b.person(linkoping), b.person(linkoping)];
  b.organisationAdmins();

  const regionCount = OSTERGOTLAND_PRIMARY_CARE.length + 10;
  const counts = apportion(
    600 - regionCount,
    OSTERGOTLAND_MUNICIPALITIES.map((m) => at(m.populations, 2)),
    8,
  );
  municipalities.forEach((m, i) => b.addWorkplaces(m, at(counts, i)));
  b.addWorkplaces(region, regionCount);
  b.competenceCoordinators(coordinators);
  for (const org of b.orgs) b.staff(org);
  return b.directory();
}

/** A national-scale dataset for benchmarks: `organisations` members (default 290 municipalities + regions), `workplaces` workplaces (default 20,000) spread by population, about `people` people (default 100,000) with role assignments. */
export function generateNationalDirectory(
  options: { organisations?: number; workplaces?: number; people?: number; seed?: number } = {},
): SeedDirectory {
  const orgCount = Math.max(1, options.organisations ?? 290);
  const workplaceCount = options.workplaces ?? 20_000;
  const peopleTarget = options.people ?? 100_000;
  const b = new DirectoryBuilder(options.seed ?? DEFAULT_SEED);
  const rng = b.rng;

  const regionCount = Math.min(SWEDISH_REGIONS.length, Math.round((orgCount * SWEDISH_REGIONS.length) / 290), orgCount - 1);
  const municipalityCount = orgCount - regionCount;
  // Log-normal populations (median ≈ 16,000, a long tail of cities), scaled to about 10.5 million in total.
  const raw = Array.from({ length: municipalityCount }, () => Math.exp(9.68 + 1.33 * rng.normal())).sort((x, y) => y - x);
  const scale = 10_500_000 / raw.reduce((a, p) => a + p, 0);
  const towns = rng.sample(TOWN_PREFIXES.flatMap((p) => TOWN_SUFFIXES.map((s) => p + s)));
  const districtNames = TOWN_PREFIXES.flatMap((p) => DISTRICT_SUFFIXES.map((s) => p + s));
  const domains = new Set<string>(SWEDISH_REGIONS.map(([, d]) => d));

  const municipalities = raw.map((value, i) => {
    const town = i < towns.length ? at(towns, i) : `${at(towns, i % towns.length)} ${Math.floor(i / towns.length) + 1}`;
    let domain = `${fold(town)}.se`;
    for (let n = 2; domains.has(domain); n++) domain = `${fold(town)}${n}.se`;
    domains.add(domain);
    const population = Math.max(2_000, Math.round(value * scale));
    const growth = rng.float() * 0.03 - 0.01;
    const populations = [population / (1 + growth) ** 2, population / (1 + growth), population].map((p, k) => ({
      year: at(YEARS, k),
      population: Math.round(p),
    }));
    const prefix = rng.int(100, 988);
    const expected = Math.ceil((workplaceCount * population) / 10_500_000);
    const places: Place[] = [
      { label: 'Centrum', city: town, postalPrefix: String(prefix) },
      ...rng
        .sample(districtNames, Math.min(districtNames.length, Math.max(5, Math.ceil(expected / 3))))
        .map((label) => ({ label, city: town, postalPrefix: String(prefix + rng.int(0, 1)) })),
    ];
    return b.organisation(
      {
        name: `${genitive(town)} kommun`,
        kind: 'MUNICIPALITY',
        organisationNumber: organisationNumber(String(212_000_001 + i)),
        isPrincipal: i === 0,
        populations,
      },
      { domain, areaCode: `0${rng.int(11, 99)}`, places, hospitals: [], typeWeights: MUNICIPAL_TYPES },
    );
  });

  const members: OrgDraft[][] = Array.from({ length: regionCount }, () => []);
  if (regionCount > 0) municipalities.forEach((m, i) => at(members, i < regionCount ? i : rng.int(0, regionCount - 1)).push(m));
  const regions = members.map((own, r) => {
    const [name, domain] = at(SWEDISH_REGIONS, r);
    const towns = own.map((m) => ({ ...at(m.places, 0), label: at(m.places, 0).city }));
    return b.organisation(
      {
        name,
        kind: 'REGION',
        organisationNumber: organisationNumber(String(232_100_001 + r)),
        isPrincipal: false,
        populations: YEARS.map((year, k) => ({ year, population: own.reduce((s, m) => s + at(m.org.populations, k).population, 0) })),
      },
      {
        domain,
        areaCode: '010',
        places: towns,
        typeWeights: REGIONAL_TYPES,
        hospitals: towns.slice(0, 3).map((t) => ({ ...t, label: `Sjukhuset i ${t.city}` })),
      },
    );
  });

  b.administrator(at(municipalities, 0));
  b.organisationAdmins();
  const regionWorkplaces = regionCount > 0 ? Math.round(workplaceCount * 0.06) : 0;
  const size = (o: OrgDraft): number => at(o.org.populations, 2).population;
  apportion(workplaceCount - regionWorkplaces, municipalities.map(size), 3).forEach((n, i) => b.addWorkplaces(at(municipalities, i), n));
  apportion(regionWorkplaces, regions.map(size), 3).forEach((n, i) => b.addWorkplaces(at(regions, i), n));

  // One competence coordinator per ~200 workplaces, homed at the first organisation of their block.
  const all = b.orgs.flatMap((o) => o.drafts.map(() => o));
  const ccCount = all.length === 0 ? 0 : Math.max(1, Math.round(all.length / 200));
  b.competenceCoordinators(Array.from({ length: ccCount }, (_, c) => b.person(at(all, Math.floor((c * all.length) / ccCount)))));
  for (const org of b.orgs) b.staff(org);

  // Plain staff without roles, spread like the workplaces, to reach the requested number of people.
  const staffCount = Math.max(0, peopleTarget - b.people.length);
  apportion(
    staffCount,
    b.orgs.map((o) => o.drafts.length),
  ).forEach((n, i) => {
    for (let k = 0; k < n; k++) b.person(at(b.orgs, i));
  });
  return b.directory();
}
