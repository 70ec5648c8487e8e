import {
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';

/**
 * How many objects an answer may hold at most: every object counts 1, multiplied by the page size of
 * the lists above it (`first`, from a literal or a variable; the default page size when left out of a
 * connection) and by the number of `ids` of `nodes`. Scalars are free. Unlike graphql-armor's cost rule,
 * this sees the variables, so `first: $n` cannot slip past the limit.
 */
export function estimateObjects(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  visiting: Set<string> = new Set(),
): number {
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.LIST) return node.values;
    return undefined;
  };
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += estimateObjects(selection.selectionSet, fragments, variables, visiting);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      total += estimateObjects(fragment.selectionSet, fragments, variables, visiting);
      visiting.delete(fragment.name.value);
    } else if (selection.selectionSet) {
      const argument = (name: string) => selection.arguments?.find((arg) => arg.name.value === name);
      const first = argument('first') ? valueOf(argument('first')!.value) : undefined;
      const ids = argument('ids') ? valueOf(argument('ids')!.value) : undefined;
      const isConnection = selection.selectionSet.selections.some((child) => child.kind === Kind.FIELD && child.name.value === 'edges');
      let size = 1;
      if (typeof first === 'number') size = first;
      else if (isConnection) size = DEFAULT_PAGE_SIZE;
      if (Array.isArray(ids)) size = ids.length;
      total += Math.max(size, 1) * (1 + estimateObjects(selection.selectionSet, fragments, variables, visiting));
    }
  }
  return total;
}

/**
 * The variables an operation runs with: those sent, and each declared default for those not sent (GraphQL
 * uses the default then), so `query($n: Int = 100)` sent without variables is estimated with 100.
 */
export function effectiveVariables(operation: OperationDefinitionNode, sent: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(sent, name)) variables[name] = sent[name];
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return variables;
}
