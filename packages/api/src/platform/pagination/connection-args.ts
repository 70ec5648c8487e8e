import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../graphql/selection.js';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type OrderDirection } from './connection.js';
import type { PageRequest } from './find-page.js';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;
}

/**
 * Reads the paging arguments; out-of-range sizes are refused rather than silently changed. With the
 * connection field's `info`, the total is counted only when the query selects `totalCount` (without it,
 * always).
 */
export function toPageRequest<TField extends string>(
  args: ConnectionArgs,
  orderBy: { field: TField; direction: OrderDirection },
  info?: GraphQLResolveInfo,
): PageRequest<TField> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return {
    first,
    after: args.after ?? null,
    orderBy: { field: orderBy.field, direction: orderBy.direction },
    ...(info && !selectsField(info, 'totalCount') ? { count: false } : {}),
  };
}
