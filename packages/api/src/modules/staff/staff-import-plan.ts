import { isEmail } from 'class-validator';
import type { StaffField, StaffFile, StaffFileRow } from './staff-import-file.js';
import { StaffImportAction } from './staff.enums.js';

/**
 * What a staff file means for an organisation, worked out in memory from what is registered: which
 * people and employments to create, change or end, and a report row for each row of the file. Pure
 * (no database), so a dry run and an import plan the same way.
 */

export interface KnownPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  homeOrganisationId: string;
  erased: boolean;
  /** Whether the caller may change the person's name (no roles beyond what they manage). */
  mayRename: boolean;
}

export interface KnownEmployment {
  id: string;
  personId: string;
  workplaceId: string;
  startsOn: string;
  endsOn: string | null;
  employeeNumber: string | null;
  title: string | null;
}

export interface PlanProblem {
  field: StaffField | null;
  code: string;
  message: string;
  messageSv: string;
}

export interface PlanRow {
  rowNumber: number | null;
  action: StaffImportAction;
  name: string;
  changes: string[];
  problems: PlanProblem[];
}

export interface NewPerson {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
}

export type PersonRef = { existing: string } | { created: string };

export interface NewEmployment {
  person: PersonRef;
  workplaceId: string;
  startsOn: string;
  endsOn: string | null;
  employeeNumber: string | null;
  title: string | null;
}

export interface StaffPlan {
  rows: PlanRow[];
  newPeople: NewPerson[];
  renamedPeople: { id: string; firstName: string; lastName: string }[];
  newEmployments: NewEmployment[];
  changedEmployments: { id: string; set: Partial<Omit<KnownEmployment, 'id' | 'personId' | 'workplaceId'>> }[];
  removedEmploymentIds: string[];
  failed: boolean;
}

export interface PlanInput {
  file: StaffFile;
  organisationId: string;
  today: string;
  complete: boolean;
  workplaces: { id: string; name: string }[];
  employments: KnownEmployment[];
  /** The organisation's employed people, and whoever has one of the file's addresses. */
  people: KnownPerson[];
}

const problem = (field: StaffField | null, code: string, message: string, messageSv: string): PlanProblem => ({
  field,
  code,
  message,
  messageSv,
});

function validDate(value: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const isOpen = (employment: { endsOn: string | null }, today: string) => employment.endsOn === null || employment.endsOn >= today;
const lower = (text: string) => text.toLowerCase();

interface CheckedRow {
  row: StaffFileRow;
  firstName: string;
  lastName: string;
  email: string | null;
  employeeNumber: string | null;
  workplaceId: string;
  startsOn: string;
  endsOn: string | null;
  title: string | null;
}

/** The row's own values: present, well-formed, a workplace of the organisation. */
function checkRow(row: StaffFileRow, input: PlanInput, workplaceByName: Map<string, string>): CheckedRow | PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const [field, message] of Object.entries(row.badText) as [StaffField, string][])
    problems.push(problem(field, 'INVALID_TEXT', message, 'Måste vara en rad synlig text: inga tabbar, radbrytningar eller styrtecken.'));
  const value = (field: StaffField) => (row.badText[field] ? null : (row.values[field] ?? null));
  const required = (field: StaffField, sv: string) => {
    const text = value(field);
    if (!text && !row.badText[field]) problems.push(problem(field, 'REQUIRED', 'Must not be empty.', `${sv} får inte vara tomt.`));
    return text;
  };
  const tooLong = (field: StaffField, text: string | null, max: number) => {
    if (text && text.length > max) problems.push(problem(field, 'TOO_LONG', `At most ${max} characters.`, `Högst ${max} tecken.`));
  };
  const firstName = required('firstName', 'Förnamn');
  const lastName = required('lastName', 'Efternamn');
  tooLong('firstName', firstName, 100);
  tooLong('lastName', lastName, 100);
  const email = value('email');
  if (email && (!isEmail(email) || email.length > 254))
    problems.push(problem('email', 'INVALID_EMAIL', 'Must be an e-mail address.', 'Måste vara en e-postadress.'));
  const employeeNumber = value('employeeNumber');
  tooLong('employeeNumber', employeeNumber, 50);
  if (!email && !employeeNumber && !row.badText.email && !row.badText.employeeNumber)
    problems.push(
      problem(
        null,
        'NO_KEY',
        'The row needs an e-mail address or an employee number.',
        'Raden behöver en e-postadress eller ett anställningsnummer.',
      ),
    );
  const title = value('title');
  tooLong('title', title, 200);
  const workplaceName = required('workplace', 'Arbetsplats');
  const workplaceId = workplaceName ? workplaceByName.get(lower(workplaceName)) : undefined;
  if (workplaceName && !workplaceId)
    problems.push(
      problem(
        'workplace',
        'UNKNOWN_WORKPLACE',
        `The organisation has no workplace named "${workplaceName}".`,
        `Organisationen har ingen arbetsplats som heter "${workplaceName}".`,
      ),
    );
  const startsText = required('startsOn', 'Från');
  const startsOn = startsText ? validDate(startsText) : null;
  if (startsText && !startsOn)
    problems.push(problem('startsOn', 'INVALID_DATE', 'Must be a date YYYY-MM-DD.', 'Måste vara ett datum ÅÅÅÅ-MM-DD.'));
  const endsText = value('endsOn');
  const endsOn = endsText ? validDate(endsText) : null;
  if (endsText && !endsOn)
    problems.push(problem('endsOn', 'INVALID_DATE', 'Must be a date YYYY-MM-DD.', 'Måste vara ett datum ÅÅÅÅ-MM-DD.'));
  if (startsOn && endsOn && endsOn < startsOn)
    problems.push(problem('endsOn', 'ENDS_BEFORE_START', 'The last day is before the first day.', 'Sista dagen är före första dagen.'));
  if (problems.length > 0) return problems;
  return {
    row,
    firstName: firstName!,
    lastName: lastName!,
    email,
    employeeNumber,
    workplaceId: workplaceId!,
    startsOn: startsOn!,
    endsOn,
    title,
  };
}

function displayName(row: StaffFileRow): string {
  const name = [row.values.firstName, row.values.lastName].filter(Boolean).join(' ') || '–';
  return row.values.employeeNumber ? `${name} (${row.values.employeeNumber})` : name;
}

export function planStaffImport(input: PlanInput): StaffPlan {
  const { file, today } = input;
  const workplaceByName = new Map(input.workplaces.map((workplace) => [lower(workplace.name), workplace.id]));
  const workplaceName = new Map(input.workplaces.map((workplace) => [workplace.id, workplace.name]));
  const personById = new Map(input.people.map((person) => [person.id, person]));
  const personByEmail = new Map(input.people.map((person) => [lower(person.email), person]));
  const employmentsOfPerson = new Map<string, KnownEmployment[]>();
  for (const employment of input.employments) {
    const list = employmentsOfPerson.get(employment.personId) ?? [];
    list.push(employment);
    employmentsOfPerson.set(employment.personId, list);
  }
  // By employee number: an open employment first, else the latest one.
  const byNumber = new Map<string, KnownEmployment>();
  for (const employment of [...input.employments].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    if (!employment.employeeNumber) continue;
    const current = byNumber.get(employment.employeeNumber);
    if (!current || !isOpen(current, today) || isOpen(employment, today)) byNumber.set(employment.employeeNumber, employment);
  }

  const plan: StaffPlan = {
    rows: [],
    newPeople: [],
    renamedPeople: [],
    newEmployments: [],
    changedEmployments: [],
    removedEmploymentIds: [],
    failed: false,
  };
  const newPersonByEmail = new Map<string, { person: NewPerson; rowNumber: number }>();
  const renamed = new Map<string, { firstName: string; lastName: string; rowNumber: number }>();
  const numberRow = new Map<string, number>();
  const touched = new Set<string>();
  const employmentRow = new Map<string, number>();
  /** The employee number each open employment will carry, to check that one number names one employment. */
  const openNumbers = new Map<string, { employmentKey: string; rowNumber: number | null }[]>();

  for (const row of file.rows) {
    const name = displayName(row);
    const fail = (problems: PlanProblem[]) => {
      plan.failed = true;
      plan.rows.push({ rowNumber: row.rowNumber, action: StaffImportAction.FAILED, name, changes: [], problems });
    };
    const checked = checkRow(row, input, workplaceByName);
    if (Array.isArray(checked)) {
      fail(checked);
      continue;
    }
    if (checked.employeeNumber) {
      const earlier = numberRow.get(checked.employeeNumber);
      if (earlier !== undefined) {
        fail([
          problem(
            'employeeNumber',
            'DUPLICATE_ROW',
            `The employee number is on row ${earlier} too.`,
            `Anställningsnumret finns också på rad ${earlier}.`,
          ),
        ]);
        continue;
      }
      numberRow.set(checked.employeeNumber, row.rowNumber);
    }

    // Who the row is about: by employee number, else by e-mail address.
    const byNumberEmployment = checked.employeeNumber ? byNumber.get(checked.employeeNumber) : undefined;
    let person: KnownPerson | undefined = byNumberEmployment ? personById.get(byNumberEmployment.personId) : undefined;
    if (person && checked.email && lower(checked.email) !== lower(person.email)) {
      fail([
        problem(
          'email',
          'EMAIL_MISMATCH',
          'The person with this employee number has another e-mail address; change it on the person first.',
          'Personen med det här anställningsnumret har en annan e-postadress; ändra den på personen först.',
        ),
      ]);
      continue;
    }
    if (!person && checked.email) person = personByEmail.get(lower(checked.email));
    if (person && (person.homeOrganisationId !== input.organisationId || person.erased)) {
      fail([
        problem(
          'email',
          'OTHER_ORGANISATION',
          'The e-mail address belongs to someone outside the organisation.',
          'E-postadressen tillhör någon utanför organisationen.',
        ),
      ]);
      continue;
    }

    const changes: string[] = [];
    let personRef: PersonRef;
    if (person) {
      personRef = { existing: person.id };
      if (person.firstName !== checked.firstName || person.lastName !== checked.lastName) {
        const earlier = renamed.get(person.id);
        if (earlier && (earlier.firstName !== checked.firstName || earlier.lastName !== checked.lastName)) {
          fail([
            problem(
              'firstName',
              'NAME_MISMATCH',
              `Row ${earlier.rowNumber} gives the person another name.`,
              `Rad ${earlier.rowNumber} ger personen ett annat namn.`,
            ),
          ]);
          continue;
        }
        if (!person.mayRename) {
          fail([
            problem(
              'firstName',
              'FORBIDDEN',
              'The person holds roles beyond what you manage; an administrator changes their name.',
              'Personen har roller utöver dem du hanterar; en administratör ändrar namnet.',
            ),
          ]);
          continue;
        }
        if (!earlier) renamed.set(person.id, { firstName: checked.firstName, lastName: checked.lastName, rowNumber: row.rowNumber });
        if (person.firstName !== checked.firstName) changes.push('firstName');
        if (person.lastName !== checked.lastName) changes.push('lastName');
      }
    } else {
      if (!checked.email) {
        fail([
          problem(
            'email',
            'REQUIRED',
            'Someone new needs an e-mail address (no one has this employee number).',
            'En ny person behöver en e-postadress (ingen har det här anställningsnumret).',
          ),
        ]);
        continue;
      }
      const earlier = newPersonByEmail.get(lower(checked.email));
      if (earlier && (earlier.person.firstName !== checked.firstName || earlier.person.lastName !== checked.lastName)) {
        fail([
          problem(
            'firstName',
            'NAME_MISMATCH',
            `Row ${earlier.rowNumber} gives this e-mail address another name.`,
            `Rad ${earlier.rowNumber} har ett annat namn för samma e-postadress.`,
          ),
        ]);
        continue;
      }
      if (!earlier) {
        const created = { key: lower(checked.email), firstName: checked.firstName, lastName: checked.lastName, email: checked.email };
        newPersonByEmail.set(created.key, { person: created, rowNumber: row.rowNumber });
        plan.newPeople.push(created);
      }
      personRef = { created: lower(checked.email) };
    }

    // Which employment: the same start at the workplace, else the open one there; else a move or a new one.
    const own = person ? (employmentsOfPerson.get(person.id) ?? []) : [];
    const atWorkplace = own.filter((employment) => employment.workplaceId === checked.workplaceId);
    const existing =
      atWorkplace.find((employment) => employment.startsOn === checked.startsOn) ??
      atWorkplace.find((employment) => isOpen(employment, today));
    const target: Omit<NewEmployment, 'person'> = {
      workplaceId: checked.workplaceId,
      startsOn: checked.startsOn,
      endsOn: file.columns.endsOn ? checked.endsOn : (existing?.endsOn ?? null),
      employeeNumber: file.columns.employeeNumber ? checked.employeeNumber : (existing?.employeeNumber ?? null),
      title: file.columns.title ? checked.title : (existing?.title ?? null),
    };
    if (existing) {
      const earlier = employmentRow.get(existing.id);
      if (earlier !== undefined) {
        fail([problem(null, 'DUPLICATE_ROW', `Row ${earlier} is about the same employment.`, `Rad ${earlier} gäller samma anställning.`)]);
        continue;
      }
      employmentRow.set(existing.id, row.rowNumber);
      touched.add(existing.id);
      const set: StaffPlan['changedEmployments'][number]['set'] = {};
      for (const key of ['startsOn', 'endsOn', 'employeeNumber', 'title'] as const) {
        if (existing[key] !== target[key]) {
          (set as Record<string, unknown>)[key] = target[key];
          changes.push(key);
        }
      }
      if (Object.keys(set).length > 0) plan.changedEmployments.push({ id: existing.id, set });
      if (target.employeeNumber && isOpen(target, today))
        openNumbers.set(target.employeeNumber, [
          ...(openNumbers.get(target.employeeNumber) ?? []),
          { employmentKey: existing.id, rowNumber: row.rowNumber },
        ]);
    } else {
      // Moved within the organisation: the employment the number named ends the day before the new one starts.
      const moved =
        byNumberEmployment && isOpen(byNumberEmployment, today) && !touched.has(byNumberEmployment.id) ? byNumberEmployment : null;
      if (moved) {
        const lastDay = dayBefore(checked.startsOn);
        if (lastDay < moved.startsOn) {
          fail([
            problem(
              'startsOn',
              'BEFORE_PREVIOUS',
              `The employment at ${workplaceName.get(moved.workplaceId)} started ${moved.startsOn}, after this one.`,
              `Anställningen på ${workplaceName.get(moved.workplaceId)} började ${moved.startsOn}, efter den här.`,
            ),
          ]);
          continue;
        }
        touched.add(moved.id);
        plan.changedEmployments.push({ id: moved.id, set: { endsOn: lastDay } });
        changes.push('workplace');
      }
      plan.newEmployments.push({ person: personRef, ...target });
      if (target.employeeNumber && isOpen(target, today))
        openNumbers.set(target.employeeNumber, [
          ...(openNumbers.get(target.employeeNumber) ?? []),
          { employmentKey: `row:${row.rowNumber}`, rowNumber: row.rowNumber },
        ]);
    }
    const action =
      existing || changes.includes('workplace')
        ? changes.length > 0
          ? StaffImportAction.UPDATED
          : StaffImportAction.UNCHANGED
        : StaffImportAction.CREATED;
    plan.rows.push({ rowNumber: row.rowNumber, action, name, changes: action === StaffImportAction.CREATED ? [] : changes, problems: [] });
  }

  plan.renamedPeople = [...renamed].map(([id, name]) => ({ id, firstName: name.firstName, lastName: name.lastName }));

  // Employments the file leaves out: ended yesterday when the file is complete; they keep their numbers otherwise.
  for (const employment of input.employments) {
    if (touched.has(employment.id) || !isOpen(employment, today)) continue;
    if (input.complete) {
      const who = personById.get(employment.personId);
      const name =
        `${who?.firstName ?? ''} ${who?.lastName ?? ''}`.trim() + (employment.employeeNumber ? ` (${employment.employeeNumber})` : '');
      const yesterday = dayBefore(today);
      if (employment.startsOn > yesterday) plan.removedEmploymentIds.push(employment.id);
      else plan.changedEmployments.push({ id: employment.id, set: { endsOn: yesterday } });
      plan.rows.push({ rowNumber: null, action: StaffImportAction.ENDED, name, changes: ['endsOn'], problems: [] });
    } else if (employment.employeeNumber) {
      openNumbers.set(employment.employeeNumber, [
        ...(openNumbers.get(employment.employeeNumber) ?? []),
        { employmentKey: employment.id, rowNumber: null },
      ]);
    }
  }

  // One employee number, one current employment in the organisation.
  for (const [number, holders] of openNumbers) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      if (holder.rowNumber === null) continue;
      const reportRow = plan.rows.find((row) => row.rowNumber === holder.rowNumber)!;
      reportRow.action = StaffImportAction.FAILED;
      reportRow.changes = [];
      reportRow.problems.push(
        problem(
          'employeeNumber',
          'NUMBER_TAKEN',
          `Another current employment of the organisation has the employee number ${number}.`,
          `En annan pågående anställning i organisationen har anställningsnumret ${number}.`,
        ),
      );
      plan.failed = true;
    }
  }
  return plan;
}
