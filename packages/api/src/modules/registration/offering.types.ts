import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus, PromotionPolicy, type Offering } from './registration.entities.js';

registerEnumType(OfferingStatus, {
  name: 'OfferingStatus',
  description: 'Where an offering (a cohort, a meeting, an event) stands: only OPEN ones take registrations.',
});
registerEnumType(PromotionPolicy, {
  name: 'PromotionPolicy',
  description: 'How a freed place goes to the first on the waitlist.',
  valuesConfig: {
    AUTOMATIC: { description: 'Confirmed at once.' },
    OFFER: { description: 'Held for them for the offer hold time, to accept or decline.' },
  },
});

/** The fields every registrable thing (cohort, network meeting, event) shows of its offering. */
@ObjectType()
export abstract class OfferingObject extends Node {
  offeringEntityId!: string;

  @Field(() => OfferingStatus, { description: 'Whether it takes registrations (OPEN).' })
  status!: OfferingStatus;

  @Field(() => Int, { nullable: true, description: 'Places; null: no limit.' })
  capacity!: number | null;

  @Field(() => Int, { description: 'Confirmed registrations.' })
  confirmedCount!: number;

  @Field(() => Int, { description: 'Places held by open offers.' })
  offeredCount!: number;

  @Field(() => Int, { description: 'People on the waitlist.' })
  waitlistCount!: number;

  @Field(() => DateTime, { nullable: true, description: 'When registration opens.' })
  registrationOpensAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When registration closes.' })
  registrationClosesAt!: Date | null;

  @Field(() => [Role], { description: 'Roles one of which a registrant must hold; empty: anyone.' })
  audienceRoles!: Role[];

  @Field(() => PromotionPolicy, { description: 'How a freed place goes to the first on the waitlist.' })
  promotionPolicy!: PromotionPolicy;

  @Field(() => Int, { description: 'Hours an offered place is held (OFFER policy).' })
  offerHoldHours!: number;
}

export function offeringFields(offering: Offering) {
  return {
    offeringEntityId: offering.id,
    status: offering.status,
    capacity: offering.capacity,
    confirmedCount: offering.confirmedCount,
    offeredCount: offering.offeredCount,
    waitlistCount: offering.waitlistedCount,
    registrationOpensAt: offering.registrationOpensAt,
    registrationClosesAt: offering.registrationClosesAt,
    audienceRoles: offering.audienceRoles as Role[],
    promotionPolicy: offering.promotionPolicy,
    offerHoldHours: offering.offerHoldHours,
  };
}
