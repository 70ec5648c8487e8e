import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A String, ID, Int or Float somewhere in the arguments of a root field. */
export interface InputLeaf {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** Argument name first, then input fields and list positions: `['input', 'populations', '0', 'population']`. */
  path: string[];
  scalar: string;
  /** The input field (or argument) the leaf is, with its extensions. */
  definition: GraphQLInputField | GraphQLArgument;
  /** `Type.field` of the input type it belongs to (or `Query.field(arg)`), to name it in a failure. */
  name: string;
}

const WALKED_SCALARS = new Set(['String', 'ID', 'Int', 'Float']);

/** A value of the type that passes GraphQL's own validation (not the API's rules). */
export function placeholder(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = placeholder(field.type);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  switch (nullable.name) {
    case 'String':
    case 'ID':
      return 'x';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2030-01-01T10:00:00.000Z';
    case 'LocalDate':
      return '2030-01-01';
    default:
      throw new Error(`No placeholder for the scalar ${nullable.name}: add one.`);
  }
}

/** A placeholder with `value` at `path` (below the type). */
function withValueAt(type: GraphQLInputType, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const nullable = getNullableType(type);
  const [head, ...rest] = path;
  if (isListType(nullable)) return [withValueAt(nullable.ofType as GraphQLInputType, rest, value)];
  if (!isInputObjectType(nullable)) throw new Error(`Cannot go into ${String(nullable)} at ${head}`);
  const base = (placeholder(nullable) ?? {}) as Record<string, unknown>;
  return { ...base, [head!]: withValueAt(nullable.getFields()[head!]!.type, rest, value) };
}

function walkType(
  type: GraphQLInputType,
  path: string[],
  owner: string,
  definition: GraphQLInputField | GraphQLArgument,
  seen: Set<string>,
  emit: (leaf: Omit<InputLeaf, 'operation' | 'field'>) => void,
): void {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return walkType(nullable.ofType as GraphQLInputType, [...path, '0'], owner, definition, seen, emit);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return;
    for (const field of Object.values(nullable.getFields())) {
      walkType(field.type, [...path, field.name], `${nullable.name}.${field.name}`, field, new Set([...seen, nullable.name]), emit);
    }
    return;
  }
  if (isLeafType(nullable) && WALKED_SCALARS.has(nullable.name)) emit({ path, scalar: nullable.name, definition, name: owner });
}

/** Every String, ID, Int and Float that a query or mutation takes, however deeply nested. */
export function inputLeaves(schema: GraphQLSchema): InputLeaf[] {
  const leaves: InputLeaf[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        walkType(arg.type, [arg.name], `${root!.name}.${field.name}(${arg.name})`, arg, new Set(), (leaf) =>
          leaves.push({ operation, field, ...leaf }),
        );
      }
    }
  }
  return leaves;
}

/** The request that sends `value` at the leaf, with placeholders for everything else required. */
export function requestFor(leaf: InputLeaf, value: unknown): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of leaf.field.args) {
    const isLeafArgument = arg.name === leaf.path[0];
    if (!isLeafArgument && !(isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    variables[arg.name] = isLeafArgument ? withValueAt(arg.type, leaf.path.slice(1), value) : placeholder(arg.type);
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const returned = getNamedType(leaf.field.type);
  const isPayload = isObjectType(returned) && returned.getInterfaces().some((face) => face.name === 'MutationPayload');
  const selection = isPayload ? '{ errors { field message code } }' : isLeafType(returned) ? '' : '{ __typename }';
  const query = `${leaf.operation}(${declared.join(', ')}) { ${leaf.field.name}(${passed.join(', ')}) ${selection} }`;
  return { query, variables };
}

export function isPayloadLeaf(leaf: InputLeaf): boolean {
  const returned = getNamedType(leaf.field.type);
  return (
    leaf.operation === 'mutation' && isObjectType(returned) && returned.getInterfaces().some((face) => face.name === 'MutationPayload')
  );
}

/** How the API names the leaf in its error: within `input` for payload errors, from the argument otherwise. */
export function errorFieldOf(leaf: InputLeaf): string {
  return (isPayloadLeaf(leaf) && leaf.path[0] === 'input' ? leaf.path.slice(1) : leaf.path).join('.');
}
