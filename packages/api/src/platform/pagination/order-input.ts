import { Field, InputType } from 'type-graphql';
import { OrderDirection } from './connection.js';

/** Declares `<Name>OrderInput { field direction }` for a list, with its default order. */
export function orderInputType<TField extends string>(
  name: string,
  fieldEnum: object,
  defaults: { field: TField; direction: OrderDirection; description: string },
) {
  @InputType(`${name}OrderInput`, { description: `Order of a list of ${name} items (default: ${defaults.description}).` })
  class OrderInput {
    @Field(() => fieldEnum, { defaultValue: defaults.field, description: 'Sort key.' })
    field: TField = defaults.field;

    @Field(() => OrderDirection, { defaultValue: defaults.direction, description: 'Sort direction.' })
    direction: OrderDirection = defaults.direction;
  }
  return OrderInput;
}
