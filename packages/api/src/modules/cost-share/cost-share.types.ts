import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { CostShareGroup, CostShareKeyKind, CostShareMissingInput } from './cost-share.enums.js';
import type { CostShareYear } from './cost-share-year.entity.js';
import type { CostShareRowView, CostShareYearView } from './cost-share.service.js';

@ObjectType('CostBasis', { description: "Where a year's total comes from: a base year's cost, indexed by the consumer price index." })
export class CostBasisObject {
  @Field(() => Int, { description: 'The year whose cost was entered directly (the same year when it was).' })
  baseYear!: number;

  @Field(() => Int, { description: "The base year's cost in whole kronor." })
  baseCost!: number;

  @Field(() => Float, { nullable: true, description: "The base year's consumer price index; null when not entered." })
  baseYearPriceIndex!: number | null;

  @Field(() => Float, { nullable: true, description: "This year's consumer price index; null when not entered." })
  priceIndex!: number | null;
}

@ObjectType('CostShareRow', { description: "A member's share of a year's cost, with how it was arrived at." })
export class CostShareRowObject {
  organisationEntityId!: string;

  @Field(() => String, { description: 'The member organisation as named when the share was computed.' })
  organisationName!: string;

  @Field(() => CostShareGroup, { description: 'Whether the member shares the regions’ 15 % or the municipalities’ 85 %.' })
  group!: CostShareGroup;

  @Field(() => Float, { description: "The member's population or weight in the year's key." })
  keyValue!: number;

  @Field(() => Float, { description: 'The part of the year its agreement was in force, 0 to 1 (0.5 for a member who left on 30 June).' })
  participation!: number;

  @Field(() => Int, { nullable: true, description: 'Days of the year the agreement was in force; null for a frozen year.' })
  daysInForce!: number | null;

  @Field(() => Float, { description: "The member's share of its group's part: key value × participation over the group's sum." })
  keyShare!: number;

  @Field(() => Float, { description: 'The exact amount in kronor before rounding.' })
  exactShare!: number;

  @Field(() => Int, { description: 'Kronor added by the rounding (largest remainder), 0 or 1.' })
  rounding!: number;

  @Field(() => Int, { description: 'The share in whole kronor; the shares of a year add up exactly to its total.' })
  amount!: number;
}

@ObjectType('CostShareYear', { implements: Node, description: "One year's cost of the model and how it is shared between the members." })
export class CostShareYearObject extends Node {
  entityId!: string;
  view!: CostShareYearView | null;

  @Field(() => Int, { description: 'The calendar year the cost and shares are for.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: "The cost entered directly for this year (the base year's figure)." })
  baseCost!: number | null;

  @Field(() => Float, { nullable: true, description: 'The consumer price index (KPI) entered for this year.' })
  priceIndex!: number | null;

  @Field(() => CostShareKeyKind, { description: "What the year's distribution key is built from." })
  keyKind!: CostShareKeyKind;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the shares were frozen as the basis for invoices; null while they follow the inputs.',
  })
  frozenAt!: Date | null;
}

@ObjectType('CostShareWeight', { description: "A member's weight in a year's key entered as weights." })
export class CostShareWeightObject {
  organisationEntityId!: string;

  @Field(() => Float, { description: 'The weight as entered.' })
  weight!: number;
}

@ObjectType('CostShareYearPayload', { implements: MutationPayload, description: 'Result of a change to a year of the cost sharing.' })
export class CostShareYearPayload extends MutationPayload {
  @Field(() => CostShareYearObject, { nullable: true, description: 'The year as it is now; null when the mutation failed.' })
  costShareYear: CostShareYearObject | null = null;
}

@ObjectType('ExportFile', { description: 'A file made for download, carried in the response.' })
export class ExportFileObject {
  @Field(() => String, { description: 'A file name to save it under, e.g. "kostnadsfordelning-2022.xlsx".' })
  fileName!: string;

  @Field(() => String, { description: 'Its media type, e.g. text/csv; charset=utf-8.' })
  contentType!: string;

  @Field(() => String, { description: 'The file itself, base64-encoded.' })
  contentBase64!: string;
}

export function toCostShareYearObject(entity: CostShareYear, view: CostShareYearView | null = null): CostShareYearObject {
  return Object.assign(new CostShareYearObject(), {
    id: toGlobalId('CostShareYear', entity.id),
    entityId: entity.id,
    view,
    year: entity.year,
    baseCost: entity.baseCost,
    priceIndex: entity.priceIndex,
    keyKind: entity.keyKind,
    frozenAt: entity.frozenAt,
  });
}

export function toCostShareRowObject(row: CostShareRowView): CostShareRowObject {
  return Object.assign(new CostShareRowObject(), {
    organisationEntityId: row.organisationId,
    organisationName: row.name,
    group: row.group,
    keyValue: row.keyValue,
    participation: row.participation,
    daysInForce: row.daysInForce,
    keyShare: row.keyShare,
    exactShare: row.exactShare,
    rounding: row.rounding,
    amount: row.amount,
  });
}

export { CostShareMissingInput };
