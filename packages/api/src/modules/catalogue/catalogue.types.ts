import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { CatalogueImportOutcome, CatalogueItemKind, CatalogueStatus } from './catalogue.enums.js';
import type { LearningModule } from './learning-module.entity.js';
import type { LearningTrack } from './learning-track.entity.js';

@ObjectType('LearningTrack', {
  implements: Node,
  description: 'A learning track (lärandespår) of the learning platform, with its modules.',
})
export class LearningTrackObject extends Node {
  entityId!: string;
  organisationEntityId!: string | null;

  @Field(() => String, { description: "The track's stable key in the learning platform, which imports and exports match on." })
  externalKey!: string;

  @Field(() => String, { description: "The track's title." })
  title!: string;

  @Field(() => String, { description: 'What the track covers (may hold line breaks; empty when not written).' })
  description!: string;

  @Field(() => String, { description: 'Whom the track is for, e.g. care staff in home care (empty when not said).' })
  targetGroup!: string;

  @Field(() => Int, { nullable: true, description: 'Estimated time to complete the whole track, in minutes; null when not estimated.' })
  estimatedMinutes!: number | null;

  @Field(() => [String], { description: 'Languages the track is offered in, as ISO 639-1 codes.' })
  languages!: string[];

  @Field(() => CatalogueStatus, { description: "The track's status: draft, published or retired." })
  status!: CatalogueStatus;

  @Field(() => String, { description: 'Who answers for the track’s content (empty when not said).' })
  owner!: string;

  @Field(() => Boolean, { description: 'Whether the track was co-created (medskapande) by a member organisation.' })
  coCreated!: boolean;

  @Field(() => Boolean, { description: 'Whether the co-created track is shared with all members (always false for common tracks).' })
  sharedWithMembers!: boolean;

  @Field(() => DateTime, { description: 'When the track was entered in the catalogue.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the track itself was last changed (not its modules).' })
  updatedAt!: Date;
}

@ObjectType('LearningModule', { implements: Node, description: 'A learning module (lärandemodul) of a learning track.' })
export class LearningModuleObject extends Node {
  entityId!: string;
  trackEntityId!: string;

  @Field(() => String, { description: "The module's stable key in the learning platform, which imports and exports match on." })
  externalKey!: string;

  @Field(() => String, { description: "The module's title." })
  title!: string;

  @Field(() => String, { description: 'What the module covers (may hold line breaks; empty when not written).' })
  description!: string;

  @Field(() => String, { description: 'Whom the module is for, when it differs from its track (empty when not said).' })
  targetGroup!: string;

  @Field(() => Int, { nullable: true, description: 'Estimated time to complete the module, in minutes; null when not estimated.' })
  estimatedMinutes!: number | null;

  @Field(() => [String], { description: 'Languages the module is offered in, as ISO 639-1 codes.' })
  languages!: string[];

  @Field(() => CatalogueStatus, { description: "The module's status: draft, published or retired." })
  status!: CatalogueStatus;

  @Field(() => String, { description: 'Who answers for the module’s content (empty when not said).' })
  owner!: string;

  @Field(() => DateTime, { description: 'When the module was entered in the catalogue.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the module was last changed.' })
  updatedAt!: Date;
}

export const { ConnectionType: LearningTrackConnection } = connectionTypes(LearningTrackObject, 'LearningTrack');

@ObjectType('LearningTrackPayload', { implements: MutationPayload, description: 'Result of a mutation of a learning track.' })
export class LearningTrackPayload extends MutationPayload {
  @Field(() => LearningTrackObject, { nullable: true, description: 'The track as it is now; null when the mutation failed.' })
  learningTrack: LearningTrackObject | null = null;
}

@ObjectType('LearningModulePayload', { implements: MutationPayload, description: 'Result of a mutation of a learning module.' })
export class LearningModulePayload extends MutationPayload {
  @Field(() => LearningModuleObject, { nullable: true, description: 'The module as it is now; null when the mutation failed.' })
  learningModule: LearningModuleObject | null = null;
}

@ObjectType('CatalogueImportRowError', { description: 'Why one row of a catalogue file cannot be imported.' })
export class CatalogueImportRowErrorObject {
  @Field(() => String, { nullable: true, description: 'The column at fault, by its header (null: the row as a whole).' })
  column!: string | null;

  @Field(() => String, { description: 'What is wrong with the value, in English; clients show their own text by `code`.' })
  message!: string;

  @Field(() => String, { description: 'Kind of problem: INVALID, REQUIRED, DUPLICATE, NOT_FOUND or CONFLICT.' })
  code!: string;
}

@ObjectType('CatalogueImportRow', { description: 'What an import did, or would do, with one row of the file.' })
export class CatalogueImportRowObject {
  @Field(() => Int, { description: 'The row number as a spreadsheet shows it (the header is row 1).' })
  row!: number;

  @Field(() => CatalogueItemKind, { nullable: true, description: 'Whether the row is a track or a module (null when unreadable).' })
  kind!: CatalogueItemKind | null;

  @Field(() => String, { description: 'The external key the row names (empty when missing).' })
  key!: string;

  @Field(() => CatalogueImportOutcome, { description: 'What happened, or would happen, to the row.' })
  outcome!: CatalogueImportOutcome;

  @Field(() => [String], { description: 'The fields the row changes on an existing track or module (empty unless UPDATE).' })
  changedFields!: string[];

  @Field(() => [CatalogueImportRowErrorObject], { description: 'Why the row cannot be imported (empty unless ERROR).' })
  errors!: CatalogueImportRowErrorObject[];
}

@ObjectType('CatalogueImportReport', { description: 'A row-by-row report of a catalogue import or of its dry run.' })
export class CatalogueImportReportObject {
  @Field(() => Boolean, { description: 'Whether this was a dry run, which changed nothing.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'Whether the changes were written; false for a dry run, a file with errors or nothing to change.' })
  applied!: boolean;

  @Field(() => Int, { description: 'Rows read from the file, the header not counted.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Rows that cannot be imported; when any, nothing in the file is imported.' })
  errorCount!: number;

  @Field(() => Int, { description: 'Tracks the file creates (or would create).' })
  tracksCreated!: number;

  @Field(() => Int, { description: 'Existing tracks the file changes (or would change).' })
  tracksUpdated!: number;

  @Field(() => Int, { description: 'Tracks in the file that already read exactly like their rows.' })
  tracksUnchanged!: number;

  @Field(() => Int, { description: 'Modules the file creates (or would create).' })
  modulesCreated!: number;

  @Field(() => Int, { description: 'Existing modules the file changes (or would change).' })
  modulesUpdated!: number;

  @Field(() => Int, { description: 'Modules in the file that already read exactly like their rows.' })
  modulesUnchanged!: number;

  @Field(() => [CatalogueImportRowObject], { description: 'Every row of the file, in file order, with its outcome.' })
  rows!: CatalogueImportRowObject[];
}

@ObjectType('CatalogueImportPayload', { implements: MutationPayload, description: 'Result of importing a catalogue file.' })
export class CatalogueImportPayload extends MutationPayload {
  @Field(() => CatalogueImportReportObject, { nullable: true, description: 'The row-by-row report; null when the file could not be read.' })
  report: CatalogueImportReportObject | null = null;
}

export function toLearningTrackObject(entity: LearningTrack): LearningTrackObject {
  return Object.assign(new LearningTrackObject(), {
    id: toGlobalId('LearningTrack', entity.id),
    entityId: entity.id,
    organisationEntityId: entity.organisation?.id ?? null,
    externalKey: entity.externalKey,
    title: entity.title,
    description: entity.description,
    targetGroup: entity.targetGroup,
    estimatedMinutes: entity.estimatedMinutes,
    languages: [...entity.languages],
    status: entity.status,
    owner: entity.owner,
    coCreated: entity.organisation !== null,
    sharedWithMembers: entity.sharedWithMembers,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

export function toLearningModuleObject(entity: LearningModule): LearningModuleObject {
  return Object.assign(new LearningModuleObject(), {
    id: toGlobalId('LearningModule', entity.id),
    entityId: entity.id,
    trackEntityId: entity.track.id,
    externalKey: entity.externalKey,
    title: entity.title,
    description: entity.description,
    targetGroup: entity.targetGroup,
    estimatedMinutes: entity.estimatedMinutes,
    languages: [...entity.languages],
    status: entity.status,
    owner: entity.owner,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}
