import {
  Kind,
  getArgumentValues,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** The compiler meets something it does not know: the root falls back to the loader path. */
export class NotCompiled extends Error {
  constructor(reason: string) {
    super(reason);
  }
}

/** One response key of a selection: the field, its field nodes (merged) and its argument values. */
export interface PlannedField {
  responseKey: string;
  name: string;
  nodes: FieldNode[];
  args: Record<string, unknown>;
}

function collectInto(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  into: Map<string, PlannedField>,
  seenFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    // @skip/@include are not evaluated here: the loader path answers such queries.
    if (selection.directives?.length) throw new NotCompiled('directive');
    if (selection.kind === Kind.FIELD) {
      const responseKey = selection.alias?.value ?? selection.name.value;
      const name = selection.name.value;
      const existing = into.get(responseKey);
      if (existing) {
        if (existing.name !== name) throw new NotCompiled(`two fields answer ${responseKey}`);
        existing.nodes.push(selection);
        continue;
      }
      const definition = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
      const args = definition && name !== '__typename' ? getArgumentValues(definition, selection, info.variableValues) : {};
      into.set(responseKey, { responseKey, name, nodes: [selection], args });
      continue;
    }
    const condition =
      selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : info.fragments[selection.name.value]?.typeCondition;
    if (condition && condition.name.value !== type.name && !type.getInterfaces().some((face) => face.name === condition.name.value))
      throw new NotCompiled('fragment on another type');
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectInto(info, type, selection.selectionSet, into, seenFragments);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment) throw new NotCompiled('unknown fragment');
      if (seenFragments.has(fragment.name.value)) continue;
      seenFragments.add(fragment.name.value);
      collectInto(info, type, fragment.selectionSet, into, seenFragments);
      seenFragments.delete(fragment.name.value);
    }
  }
}

/**
 * The fields selected on an object of `type` by these field nodes (through fragments and inline fragments),
 * by response key, with their argument values. Two response keys of one object must not differ in field or
 * arguments where they meet (a compiled object answers each key once).
 */
export function planSelection(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, PlannedField> {
  const fields = new Map<string, PlannedField>();
  for (const node of nodes) {
    if (node.selectionSet) collectInto(info, type, node.selectionSet, fields, new Set());
  }
  for (const field of fields.values()) {
    const first = JSON.stringify(field.args);
    for (const node of field.nodes.slice(1)) {
      const definition = type.getFields()[field.name];
      if (definition && JSON.stringify(getArgumentValues(definition, node, info.variableValues)) !== first)
        throw new NotCompiled(`arguments differ for ${field.responseKey}`);
    }
  }
  return fields;
}

/** Merges the selections of several response keys that answer with the same object (e.g. two aliases of `edges`). */
export function mergePlans(plans: Map<string, PlannedField>[]): Map<string, PlannedField> {
  const merged = new Map<string, PlannedField>();
  for (const plan of plans) {
    for (const [key, field] of plan) {
      const existing = merged.get(key);
      if (!existing) {
        merged.set(key, { ...field, nodes: [...field.nodes] });
        continue;
      }
      if (existing.name !== field.name || JSON.stringify(existing.args) !== JSON.stringify(field.args))
        throw new NotCompiled(`two selections answer ${key} differently`);
      existing.nodes.push(...field.nodes);
    }
  }
  return merged;
}
