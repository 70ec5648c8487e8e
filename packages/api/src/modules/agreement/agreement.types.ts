import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { agreementEndsOn } from './agreement-period.js';
import type { Agreement } from './agreement.entity.js';
import { AgreementService } from './agreement.enums.js';

@ObjectType('Agreement', { implements: Node, description: "A member's cooperation agreement (samverkansavtal) with the principal." })
export class AgreementObject extends Node {
  entityId!: string;
  organisationEntityId!: string;
  noticePeriod!: { startsOn: string; firstPeriodEndsOn: string; noticePeriodMonths: number; noticeGivenOn: string | null };

  @Field(() => LocalDate, { description: 'The day the agreement was signed.' })
  signedOn!: string;

  @Field(() => LocalDate, { description: 'The first day the agreement is in force.' })
  startsOn!: string;

  @Field(() => LocalDate, { description: 'The last day of the first period; after it the agreement rolls on until notice is given.' })
  firstPeriodEndsOn!: string;

  @Field(() => Int, { description: 'Months from notice to the end of the agreement.' })
  noticePeriodMonths!: number;

  @Field(() => [AgreementService], { description: "The model's services the member has access to." })
  services!: AgreementService[];

  @Field(() => LocalDate, { nullable: true, description: 'The day notice was given; null while no notice has been given.' })
  noticeGivenOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The last day in force: the notice day plus the notice period (less one day), never before the first period ends; null without notice.',
  })
  endsOn!: string | null;

  @Field(() => DateTime, { description: 'When the agreement was entered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the agreement was last changed.' })
  updatedAt!: Date;
}

@ObjectType('AgreementPayload', { implements: MutationPayload, description: 'Result of a mutation of an agreement.' })
export class AgreementPayload extends MutationPayload {
  @Field(() => AgreementObject, { nullable: true, description: 'The agreement as it is now; null when the mutation failed.' })
  agreement: AgreementObject | null = null;
}

export function toAgreementObject(entity: Agreement): AgreementObject {
  const dates = {
    startsOn: entity.startsOn,
    firstPeriodEndsOn: entity.firstPeriodEndsOn,
    noticePeriodMonths: entity.noticePeriodMonths,
    noticeGivenOn: entity.noticeGivenOn,
  };
  return Object.assign(new AgreementObject(), {
    id: toGlobalId('Agreement', entity.id),
    entityId: entity.id,
    organisationEntityId: entity.organisation.id,
    noticePeriod: dates,
    signedOn: entity.signedOn,
    startsOn: entity.startsOn,
    firstPeriodEndsOn: entity.firstPeriodEndsOn,
    noticePeriodMonths: entity.noticePeriodMonths,
    services: [...entity.services],
    noticeGivenOn: entity.noticeGivenOn,
    endsOn: agreementEndsOn(dates),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}
