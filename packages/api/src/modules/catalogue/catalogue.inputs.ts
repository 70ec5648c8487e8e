import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { MultiLineText } from '../../platform/text.js';
import { NotBlank } from '../../platform/validators.js';
import { CatalogueStatus, ExportFormat, LearningTrackOrderField } from './catalogue.enums.js';

/** The learning platform's keys: letters, digits, dots, dashes and underscores. */
export const EXTERNAL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export const MAX_MINUTES = 100_000;
export const TEXT_LIMITS = { title: 200, description: 4000, targetGroup: 500, owner: 200 } as const;

@InputType({ description: 'Narrows a list of learning tracks.' })
export class LearningTrackFilterInput {
  @Field(() => String, { nullable: true, description: 'Text contained in the title or the external key (any case, any accents).' })
  search?: string | null;

  @Field(() => CatalogueStatus, { nullable: true, description: 'Only tracks in this status.' })
  status?: CatalogueStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only tracks co-created by this member organisation.' })
  organisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only co-created tracks; false: only the common catalogue.' })
  coCreated?: boolean | null;
}

export const LearningTrackOrderInput = orderInputType('LearningTrack', LearningTrackOrderField, {
  field: LearningTrackOrderField.TITLE,
  direction: OrderDirection.ASC,
  description: 'by title',
});
export type LearningTrackOrderInput = InstanceType<typeof LearningTrackOrderInput>;

/** The content every track and module has; descriptions name the kind and whether it is new or changed. */
function contentFields(kind: 'track' | 'module', mode: 'new' | 'changed'): ClassType<Omit<CatalogueContent, 'description'>> {
  const the = mode === 'new' ? `The new ${kind}'s` : `The ${kind}'s changed`;
  const optional = mode === 'changed';

  // Named for type-graphql's inheritance only: an input type no field takes is not emitted in the schema.
  @InputType(`CatalogueContent${kind}${mode}`)
  class Content implements Omit<CatalogueContent, 'description'> {
    @Field(() => String, { nullable: optional, description: `${the} title, as learners see it.` })
    @IsString()
    @NotBlank()
    @MaxLength(TEXT_LIMITS.title)
    title?: string | null;

    @Field(() => String, { nullable: true, description: `${the} target group, e.g. "Undersköterskor i hemtjänst".` })
    @IsOptional()
    @IsString()
    @MaxLength(TEXT_LIMITS.targetGroup)
    targetGroup?: string | null;

    @Field(() => Int, { nullable: true, description: `${the} estimated time to complete, in minutes (1 to ${MAX_MINUTES}).` })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(MAX_MINUTES)
    estimatedMinutes?: number | null;

    @Field(() => [String], { nullable: true, description: `${the} languages, as ISO 639-1 codes (sv, en, ar, so, …).` })
    @IsOptional()
    @ArrayMaxSize(20)
    @IsString({ each: true })
    @Matches(LANGUAGE_CODE, { each: true, message: 'Each language must be an ISO 639 code in lower case, e.g. sv.' })
    languages?: string[] | null;

    @Field(() => CatalogueStatus, { nullable: true, description: `${the} status (a new one is a draft unless told).` })
    @IsOptional()
    @IsEnum(CatalogueStatus)
    status?: CatalogueStatus | null;

    @Field(() => String, { nullable: true, description: `${the} owner: who answers for the content.` })
    @IsOptional()
    @IsString()
    @MaxLength(TEXT_LIMITS.owner)
    owner?: string | null;
  }
  // A new one needs its title; a change may leave it out.
  if (optional) IsOptional()(Content.prototype, 'title');
  return Content;
}

export interface CatalogueContent {
  title?: string | null;
  description?: string | null;
  targetGroup?: string | null;
  estimatedMinutes?: number | null;
  languages?: string[] | null;
  status?: CatalogueStatus | null;
  owner?: string | null;
}

@InputType({ description: 'A new learning track.' })
export class LearningTrackCreateInput extends contentFields('track', 'new') {
  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, { nullable: true, description: 'The new track’s description: what it covers, several lines allowed.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => String, { description: "The new track's stable external key from the learning platform (never changes)." })
  @IsString()
  @Matches(EXTERNAL_KEY, { message: 'Letters, digits, dots, dashes and underscores, at most 64.' })
  externalKey!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The member organisation that made the track through co-creation (medskapande); leave out for the common catalogue.',
  })
  @IsOptional()
  @IsString()
  organisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the new co-created track is shared with all members (default: not).' })
  @IsOptional()
  @IsBoolean()
  sharedWithMembers?: boolean | null;
}

@InputType({ description: 'Changes to a learning track; fields left out stay as they are.' })
export class LearningTrackUpdateInput extends contentFields('track', 'changed') {
  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, { nullable: true, description: 'The track’s changed description, several lines allowed.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => ID, { description: 'The learning track to change.' })
  @IsString()
  id!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Share the co-created track with all members (true) or keep it to its own (false).',
  })
  @IsOptional()
  @IsBoolean()
  sharedWithMembers?: boolean | null;
}

@InputType({ description: 'A new learning module of a track.' })
export class LearningModuleCreateInput extends contentFields('module', 'new') {
  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, { nullable: true, description: 'The new module’s description: what it covers, several lines allowed.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => ID, { description: 'The learning track the new module belongs to.' })
  @IsString()
  trackId!: string;

  @Field(() => String, { description: "The new module's stable external key from the learning platform (never changes)." })
  @IsString()
  @Matches(EXTERNAL_KEY, { message: 'Letters, digits, dots, dashes and underscores, at most 64.' })
  externalKey!: string;
}

@InputType({ description: 'Changes to a learning module; fields left out stay as they are.' })
export class LearningModuleUpdateInput extends contentFields('module', 'changed') {
  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, { nullable: true, description: 'The module’s changed description, several lines allowed.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => ID, { description: 'The learning module to change.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Retires a learning track: it stays for history but is no longer offered.' })
export class LearningTrackRetireInput {
  @Field(() => ID, { description: 'The learning track to retire.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Retires a learning module: it stays for history but is no longer offered.' })
export class LearningModuleRetireInput {
  @Field(() => ID, { description: 'The learning module to retire.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'A catalogue file to import: tracks and modules, one a row, matched on their external keys.' })
export class CatalogueImportInput {
  @Field(() => ExportFormat, { description: 'Whether the file is an Excel workbook (first sheet) or a CSV file (semicolons or commas).' })
  @IsEnum(ExportFormat)
  format!: ExportFormat;

  @Field(() => String, { description: 'The file itself, base64-encoded (at most 5 MB).' })
  @IsString()
  @MaxLength(7_000_000)
  contentBase64!: string;

  @Field(() => Boolean, {
    defaultValue: true,
    description: 'True: only report what the import would do, changing nothing; false: import, when no row has an error.',
  })
  @IsBoolean()
  dryRun: boolean = true;
}
