import type { PlainRow } from '../../platform/database/plain-rows.js';
import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { Language, type Person } from './person.entity.js';

@ObjectType('Person', { implements: Node, description: 'A person in the model. Names, e-mail and phone are personal data.' })
export class PersonObject extends Node {
  /** Row ids; not part of the contract. */
  entityId!: string;
  homeOrganisationEntityId!: string;

  @Field(() => String, { description: 'First name.' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  lastName!: string;

  @Field(() => String, { description: 'Full name, "first last".' })
  name!: string;

  @Field(() => Language, { description: 'The language of the e-mails the person receives.' })
  language!: Language;

  /** Contact details: exposed through field resolvers that check who may read them. */
  contactEmail!: string;
  contactPhone!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the personal data was erased; the record stays, anonymous.' })
  erasedAt!: Date | null;

  @Field(() => DateTime, { description: 'When the person was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the person was last changed.' })
  updatedAt!: Date;
}

export const { ConnectionType: PersonConnection } = connectionTypes(PersonObject, 'Person');

@ObjectType('PersonPayload', { implements: MutationPayload, description: 'Result of a mutation of a person.' })
export class PersonPayload extends MutationPayload {
  @Field(() => PersonObject, { nullable: true, description: 'The person as they are now; null when the mutation failed.' })
  person: PersonObject | null = null;
}

export function toPersonObject(entity: PlainRow<Person>): PersonObject {
  return Object.assign(new PersonObject(), {
    id: toGlobalId('Person', entity.id),
    entityId: entity.id,
    homeOrganisationEntityId: entity.homeOrganisation.id,
    firstName: entity.firstName,
    lastName: entity.lastName,
    name: `${entity.firstName} ${entity.lastName}`,
    contactEmail: entity.email,
    contactPhone: entity.phone,
    language: entity.language,
    erasedAt: entity.erasedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}
