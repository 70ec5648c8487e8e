import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import type { Employment } from './employment.entity.js';
import { EmploymentStatus, StaffImportAction } from './staff.enums.js';

@ObjectType('Employment', { implements: Node, description: "A person's employment at a workplace; ended ones stay as the staff history." })
export class EmploymentObject extends Node {
  entityId!: string;
  personEntityId!: string;
  workplaceEntityId!: string;

  @Field(() => LocalDate, { description: 'The first day of the employment.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of the employment; null while it lasts.' })
  endsOn!: string | null;

  @Field(() => String, { nullable: true, description: "The employee number in the organisation's HR system, if known." })
  employeeNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The job title (befattning), if known.' })
  title!: string | null;

  @Field(() => DateTime, { description: 'When the employment was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the employment was last changed.' })
  updatedAt!: Date;
}

export const { ConnectionType: StaffConnection } = connectionTypes(EmploymentObject, 'Employment');

@ObjectType('EmploymentPayload', { implements: MutationPayload, description: 'Result of a mutation of an employment.' })
export class EmploymentPayload extends MutationPayload {
  @Field(() => EmploymentObject, { nullable: true, description: 'The employment as it is now; null when the mutation failed.' })
  employment: EmploymentObject | null = null;
}

export function employmentStatusOn(employment: { startsOn: string; endsOn: string | null }, day: string): EmploymentStatus {
  if (employment.startsOn > day) return EmploymentStatus.UPCOMING;
  if (employment.endsOn !== null && employment.endsOn < day) return EmploymentStatus.ENDED;
  return EmploymentStatus.CURRENT;
}

export function toEmploymentObject(entity: Employment): EmploymentObject {
  return Object.assign(new EmploymentObject(), {
    id: toGlobalId('Employment', entity.id),
    entityId: entity.id,
    personEntityId: entity.person.id,
    workplaceEntityId: entity.workplace.id,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    employeeNumber: entity.employeeNumber,
    title: entity.title,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

@ObjectType('StaffImportProblem', { description: 'What is wrong with a value of a row of a staff file.' })
export class StaffImportProblemObject {
  @Field(() => String, { nullable: true, description: 'The column as headed in the file; null when the row as a whole is at fault.' })
  column!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The canonical field (firstName, lastName, email, employeeNumber, workplace, title, startsOn, endsOn); null for the whole row.',
  })
  field!: string | null;

  @Field(() => String, { description: 'A code per kind of problem (e.g. REQUIRED, INVALID_DATE, UNKNOWN_WORKPLACE), to translate by.' })
  code!: string;

  @Field(() => String, { description: 'The problem, in English.' })
  message!: string;

  @Field(() => String, { description: 'The problem, in Swedish.' })
  messageSv!: string;
}

@ObjectType('StaffImportRow', { description: 'What a staff import did, or would do, with one row of the file.' })
export class StaffImportRowObject {
  @Field(() => Int, {
    nullable: true,
    description: 'The row number as a spreadsheet shows it (the header is row 1); null for an employment ended because it was missing.',
  })
  rowNumber!: number | null;

  @Field(() => StaffImportAction, { description: 'Created, updated, unchanged, ended or failed.' })
  action!: StaffImportAction;

  @Field(() => String, { description: 'Whom the row is about: "first last", with the employee number when there is one.' })
  name!: string;

  @Field(() => [String], { description: 'The fields that changed or would change (for UPDATED), e.g. ["title", "endsOn"].' })
  changes!: string[];

  @Field(() => [StaffImportProblemObject], { description: 'What is wrong with the row (for FAILED).' })
  problems!: StaffImportProblemObject[];
}

@ObjectType('StaffImportSummary', { description: 'How many rows of a staff import had each outcome.' })
export class StaffImportSummaryObject {
  @Field(() => Int, { description: 'Rows that create an employment.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that change a person or an employment.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that match what is registered.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Employments ended because a complete file left them out.' })
  ended!: number;

  @Field(() => Int, { description: 'Rows with problems; when above zero, nothing was imported.' })
  failed!: number;

  @Field(() => Int, { description: 'Sign-in invitations sent to people the import created.' })
  invited!: number;
}

@ObjectType('StaffImportPayload', { implements: MutationPayload, description: 'Result of a staff import: a row-by-row report.' })
export class StaffImportPayload extends MutationPayload {
  @Field(() => Boolean, { description: 'Whether the changes were written: false for a dry run, a failed row or an error.' })
  imported: boolean = false;

  @Field(() => StaffImportSummaryObject, { nullable: true, description: 'The counts per outcome; null when the file could not be read.' })
  summary: StaffImportSummaryObject | null = null;

  @Field(() => [StaffImportRowObject], {
    description: 'One entry per row of the file in file order, then the employments ended for missing from a complete file.',
  })
  rows: StaffImportRowObject[] = [];
}
