import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  if (!selectionSet) return false;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selects(selection.selectionSet, name, info, seen)) return true;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      if (selects(info.fragments[selection.name.value]?.selectionSet, name, info, seen)) return true;
    }
  }
  return false;
}

/**
 * Whether the field being resolved selects the sub-field `name` directly (in any of its merged field nodes,
 * through inline fragments and fragment spreads). `@skip`/`@include` are not evaluated: a conditional
 * selection counts as selected, so the answer errs on the side of computing too much.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info, seen));
}
