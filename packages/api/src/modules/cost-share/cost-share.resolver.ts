import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { Language } from '../person/person.enums.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { exportCostShares } from './cost-share-export.js';
import type { CostShareYear } from './cost-share-year.entity.js';
import { CostShareMissingInput, ExportFormat } from './cost-share.enums.js';
import { CostShareWeightsSetInput, CostShareYearFreezeInput, CostShareYearSetInput } from './cost-share.inputs.js';
import { CostShareService, type CostShareYearView } from './cost-share.service.js';
import {
  CostBasisObject,
  CostShareRowObject,
  CostShareWeightObject,
  CostShareYearObject,
  CostShareYearPayload,
  ExportFileObject,
  toCostShareRowObject,
  toCostShareYearObject,
} from './cost-share.types.js';

function payload(outcome: MutationOutcome<CostShareYear>): CostShareYearPayload {
  return Object.assign(new CostShareYearPayload(), {
    costShareYear: outcome.result ? toCostShareYearObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => CostShareYearObject)
export class CostShareYearResolver {
  @Query(() => [CostShareYearObject], {
    description: 'The years with cost inputs entered, newest first (administrators, organisation admins).',
  })
  async costShareYears(@Ctx() ctx: RequestContext): Promise<CostShareYearObject[]> {
    return (await ctx.service(CostShareService).years()).map((entity) => toCostShareYearObject(entity));
  }

  @Query(() => CostShareYearObject, {
    nullable: true,
    description: "A year's cost and its shares (administrators, organisation admins); null when nothing is entered for it.",
  })
  async costShareYear(
    @Arg('year', () => Int, { description: 'The calendar year asked about.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CostShareYearObject | null> {
    const view = await ctx.service(CostShareService).year(year);
    return view ? toCostShareYearObject(view.entity, view) : null;
  }

  @Query(() => ExportFileObject, {
    nullable: true,
    description: "A year's cost shares as a file (administrators, organisation admins); null when nothing is entered for the year.",
  })
  async costShareExport(
    @Arg('year', () => Int, { description: 'Calendar year to export.' }) year: number,
    @Arg('format', () => ExportFormat, { description: 'XLSX or CSV.' }) format: ExportFormat,
    @Arg('language', () => Language, { defaultValue: Language.SV, description: 'Language of the column headings (Swedish by default).' })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFileObject | null> {
    const view = await ctx.service(CostShareService).year(year);
    if (!view) return null;
    const file = await exportCostShares(view, format, language);
    return Object.assign(new ExportFileObject(), {
      fileName: file.fileName,
      contentType: file.contentType,
      contentBase64: file.content.toString('base64'),
    });
  }

  @Mutation(() => CostShareYearPayload, { description: "Enters or corrects a year's cost, price index or key kind (administrators)." })
  async costShareYearSet(
    @Arg('input', () => CostShareYearSetInput, { description: 'The year and the inputs to set.' }) input: CostShareYearSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CostShareYearPayload> {
    return payload(await mutationResult(() => ctx.service(CostShareService).setYear(input)));
  }

  @Mutation(() => CostShareYearPayload, { description: "Enters a year's distribution key as weights per member (administrators)." })
  async costShareWeightsSet(
    @Arg('input', () => CostShareWeightsSetInput, { description: 'The year and every member’s weight.' }) input: CostShareWeightsSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CostShareYearPayload> {
    return payload(await mutationResult(() => ctx.service(CostShareService).setWeights(input)));
  }

  @Mutation(() => CostShareYearPayload, {
    description: "Freezes a year's shares as the basis for invoices; later input changes do not move them.",
  })
  async costShareYearFreeze(
    @Arg('input', () => CostShareYearFreezeInput, { description: 'The year to freeze.' }) input: CostShareYearFreezeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CostShareYearPayload> {
    return payload(await mutationResult(() => ctx.service(CostShareService).freeze(input)));
  }

  private async viewOf(year: CostShareYearObject, ctx: RequestContext): Promise<CostShareYearView> {
    year.view ??= await ctx.service(CostShareService).year(year.year);
    return year.view!;
  }

  @FieldResolver(() => Int, { nullable: true, description: "The year's total cost in whole kronor; null while an input is missing." })
  async totalCost(@Root() year: CostShareYearObject, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await this.viewOf(year, ctx)).totalCost;
  }

  @FieldResolver(() => CostBasisObject, { nullable: true, description: 'The base year and price indexes the total is computed from.' })
  async costBasis(@Root() year: CostShareYearObject, @Ctx() ctx: RequestContext): Promise<CostBasisObject | null> {
    const basis = (await this.viewOf(year, ctx)).basis;
    return basis && Object.assign(new CostBasisObject(), basis);
  }

  @FieldResolver(() => [CostShareMissingInput], { description: 'What must still be entered before the shares can be computed.' })
  async missing(@Root() year: CostShareYearObject, @Ctx() ctx: RequestContext): Promise<CostShareMissingInput[]> {
    return (await this.viewOf(year, ctx)).missing;
  }

  @FieldResolver(() => [CostShareRowObject], {
    description: 'One row per member taking part, the region first, then by name; empty while an input is missing.',
  })
  async rows(@Root() year: CostShareYearObject, @Ctx() ctx: RequestContext): Promise<CostShareRowObject[]> {
    return (await this.viewOf(year, ctx)).rows.map(toCostShareRowObject);
  }

  @FieldResolver(() => [CostShareWeightObject], { description: 'The weights entered for the year (used when the key kind is WEIGHTS).' })
  async weights(@Root() year: CostShareYearObject, @Ctx() ctx: RequestContext): Promise<CostShareWeightObject[]> {
    return (await this.viewOf(year, ctx)).weights.map((weight) =>
      Object.assign(new CostShareWeightObject(), { organisationEntityId: weight.organisation.id, weight: weight.weight }),
    );
  }
}

@Resolver(() => CostShareRowObject)
export class CostShareRowResolver {
  @FieldResolver(() => OrganisationObject, { nullable: true, description: 'The member organisation; null when it was removed later.' })
  async organisation(@Root() row: CostShareRowObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject | null> {
    if (!row.organisationEntityId) return null;
    const organisation = await ctx.loaders.organisation.load(row.organisationEntityId);
    return organisation && toOrganisationObject(organisation);
  }
}

@Resolver(() => CostShareWeightObject)
export class CostShareWeightResolver {
  @FieldResolver(() => OrganisationObject, { nullable: true, description: 'The member organisation the weight is for.' })
  async organisation(@Root() weight: CostShareWeightObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject | null> {
    const organisation = await ctx.loaders.organisation.load(weight.organisationEntityId);
    return organisation && toOrganisationObject(organisation);
  }
}
