import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { ExportFileObject } from '../cost-share/cost-share.types.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { CatalogueImportService, type ImportReport } from './catalogue-import.service.js';
import { ExportFormat } from './catalogue.enums.js';
import { CatalogueErrors } from './catalogue.errors.js';
import {
  CatalogueImportInput,
  LearningModuleCreateInput,
  LearningModuleRetireInput,
  LearningModuleUpdateInput,
  LearningTrackCreateInput,
  LearningTrackFilterInput,
  LearningTrackOrderInput,
  LearningTrackRetireInput,
  LearningTrackUpdateInput,
} from './catalogue.inputs.js';
import { CatalogueService } from './catalogue.service.js';
import { CataloguePolicy } from './catalogue.policy.js';
import {
  CatalogueImportPayload,
  CatalogueImportReportObject,
  LearningModuleObject,
  LearningModulePayload,
  LearningTrackConnection,
  LearningTrackObject,
  LearningTrackPayload,
  toLearningModuleObject,
  toLearningTrackObject,
} from './catalogue.types.js';
import type { LearningModule } from './learning-module.entity.js';
import type { LearningTrack } from './learning-track.entity.js';

@ArgsType()
class LearningTrackListArgs extends ConnectionArgs {
  @Field(() => LearningTrackFilterInput, { nullable: true, description: 'Which learning tracks.' })
  filter?: LearningTrackFilterInput | null;

  @Field(() => LearningTrackOrderInput, { nullable: true, description: 'Order of the learning tracks (default: by title).' })
  orderBy?: LearningTrackOrderInput | null;
}

const trackPayload = (outcome: MutationOutcome<LearningTrack>) =>
  Object.assign(new LearningTrackPayload(), {
    learningTrack: outcome.result ? toLearningTrackObject(outcome.result) : null,
    errors: outcome.errors,
  });
const modulePayload = (outcome: MutationOutcome<LearningModule>) =>
  Object.assign(new LearningModulePayload(), {
    learningModule: outcome.result ? toLearningModuleObject(outcome.result) : null,
    errors: outcome.errors,
  });

@Resolver(() => LearningTrackObject)
export class LearningTrackResolver {
  @Query(() => LearningTrackConnection, {
    description: 'The learning catalogue: the tracks the caller may see (published ones, and drafts of those they manage).',
  })
  async learningTracks(@Args() args: LearningTrackListArgs, @Ctx() ctx: RequestContext): Promise<Connection<LearningTrackObject>> {
    const page = toPageRequest(args, args.orderBy ?? new LearningTrackOrderInput());
    return mapConnection(await ctx.service(CatalogueService).list(args.filter ?? undefined, page), toLearningTrackObject);
  }

  @Query(() => ExportFileObject, {
    description: 'The catalogue the caller sees as a file in the import format: each track, then its modules.',
  })
  async catalogueExport(
    @Arg('format', () => ExportFormat, { description: 'XLSX or CSV (semicolons, UTF-8 with a byte-order mark).' }) format: ExportFormat,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFileObject> {
    const file = await ctx.service(CatalogueImportService).export(format);
    return Object.assign(new ExportFileObject(), {
      fileName: file.fileName,
      contentType: file.contentType,
      contentBase64: file.content.toString('base64'),
    });
  }

  @Mutation(() => LearningTrackPayload, {
    description: "Adds a learning track: to the common catalogue (administrators) or as an organisation's co-created track.",
  })
  async learningTrackCreate(
    @Arg('input', () => LearningTrackCreateInput, { description: 'The key, the content and, for a co-created track, its organisation.' })
    input: LearningTrackCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningTrackPayload> {
    return trackPayload(await mutationResult(() => ctx.service(CatalogueService).createTrack(input)));
  }

  @Mutation(() => LearningTrackPayload, { description: "Changes a learning track's content, status or sharing." })
  async learningTrackUpdate(
    @Arg('input', () => LearningTrackUpdateInput, { description: 'The track and what changes; fields left out stay as they are.' })
    input: LearningTrackUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningTrackPayload> {
    return trackPayload(await mutationResult(() => ctx.service(CatalogueService).updateTrack(input)));
  }

  @Mutation(() => LearningTrackPayload, { description: 'Retires a learning track: kept for history, no longer offered.' })
  async learningTrackRetire(
    @Arg('input', () => LearningTrackRetireInput, { description: 'The track to retire.' }) input: LearningTrackRetireInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningTrackPayload> {
    return trackPayload(await mutationResult(() => ctx.service(CatalogueService).retireTrack(input)));
  }

  @Mutation(() => LearningModulePayload, { description: 'Adds a learning module to a track the caller manages.' })
  async learningModuleCreate(
    @Arg('input', () => LearningModuleCreateInput, { description: 'The track, the key and the content of the module.' })
    input: LearningModuleCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningModulePayload> {
    return modulePayload(await mutationResult(() => ctx.service(CatalogueService).createModule(input)));
  }

  @Mutation(() => LearningModulePayload, { description: "Changes a learning module's content or status." })
  async learningModuleUpdate(
    @Arg('input', () => LearningModuleUpdateInput, { description: 'The module and what changes; fields left out stay as they are.' })
    input: LearningModuleUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningModulePayload> {
    return modulePayload(await mutationResult(() => ctx.service(CatalogueService).updateModule(input)));
  }

  @Mutation(() => LearningModulePayload, { description: 'Retires a learning module: kept for history, no longer offered.' })
  async learningModuleRetire(
    @Arg('input', () => LearningModuleRetireInput, { description: 'The module to retire.' }) input: LearningModuleRetireInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningModulePayload> {
    return modulePayload(await mutationResult(() => ctx.service(CatalogueService).retireModule(input)));
  }

  @Mutation(() => CatalogueImportPayload, {
    description:
      'Imports tracks and modules from a CSV or XLSX file, matched on their external keys (administrators): all rows or none, with a row-by-row report; importing the same file again changes nothing.',
  })
  async catalogueImport(
    @Arg('input', () => CatalogueImportInput, { description: 'The file, its format, and whether this is only a dry run.' })
    input: CatalogueImportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CatalogueImportPayload> {
    const outcome = await mutationResult(() => ctx.service(CatalogueImportService).import(input));
    const report = outcome.result;
    const refused = report && !report.dryRun && report.errorCount > 0 ? CatalogueErrors.rowsWithErrors(report.errorCount).errors : [];
    return Object.assign(new CatalogueImportPayload(), {
      report: report ? toReportObject(report) : null,
      errors: [...outcome.errors, ...refused],
    });
  }

  @FieldResolver(() => [LearningModuleObject], { description: 'The modules of the track the caller may see, by title.' })
  async modules(@Root() track: LearningTrackObject, @Ctx() ctx: RequestContext): Promise<LearningModuleObject[]> {
    return (await ctx.loaders.modulesOfTrack.load(track.entityId)).map(toLearningModuleObject);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the caller may change the track and its modules (administrators; organisation admins for its co-creator).',
  })
  manageable(@Root() track: LearningTrackObject, @Ctx() ctx: RequestContext): boolean {
    return CataloguePolicy.of(ctx.access).canManageTracksOf(track.organisationEntityId);
  }

  @FieldResolver(() => OrganisationObject, {
    nullable: true,
    description: 'The member organisation that co-created the track; null for the common catalogue.',
  })
  async organisation(@Root() track: LearningTrackObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject | null> {
    if (!track.organisationEntityId) return null;
    const organisation = await ctx.loaders.organisation.load(track.organisationEntityId);
    return organisation ? toOrganisationObject(organisation) : null;
  }
}

@Resolver(() => LearningModuleObject)
export class LearningModuleResolver {
  @FieldResolver(() => LearningTrackObject, {
    nullable: true,
    description: 'The track the module belongs to; null if the caller may not see it.',
  })
  async track(@Root() module: LearningModuleObject, @Ctx() ctx: RequestContext): Promise<LearningTrackObject | null> {
    const track = await ctx.loaders.learningTrack.load(module.trackEntityId);
    return track ? toLearningTrackObject(track) : null;
  }
}

function toReportObject(report: ImportReport): CatalogueImportReportObject {
  return Object.assign(new CatalogueImportReportObject(), report);
}
