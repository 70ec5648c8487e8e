import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaSdl } from '@evikomp/schema';

/**
 * Texts that say nothing. Compared with the whole description, ignoring case, surrounding space and a final
 * full stop; the markers in FILLER_MARKERS are refused anywhere in a text. Empty and one-word descriptions are
 * refused as well (see `fillerProblem`).
 */
export const BANNED_PHRASES = [
  'What to change.',
  'The input.',
  'Input.',
  'Description.',
  'The description.',
  'Todo.',
  'TBD.',
  'N/A.',
  'None.',
  'Same as above.',
  'See above.',
  'The item.',
  'The value.',
  'The id.',
  'The result.',
];
const FILLER_MARKERS = /\b(TODO|FIXME|TBD|XXX)\b|lorem ipsum|description goes here/i;

/** At most this many fields, arguments and input fields may share one description text (see `sharingProblems`). */
export const MAX_SHARED = 3;

/** Built-in types: graphql-js describes them itself, Query and Mutation are roots whose fields say it all. */
const UNDESCRIBED_TYPES = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation']);

/** Whitespace collapsed, case and a final full stop ignored: how two descriptions are compared. */
function normalised(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

const banned = new Set(BANNED_PHRASES.map(normalised));

/** Why `text` is filler, or null when it is a description. */
export function fillerProblem(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 'no description';
  if (banned.has(normalised(trimmed))) return `filler "${trimmed}"`;
  if (FILLER_MARKERS.test(trimmed)) return `filler marker in "${trimmed}"`;
  if (!/\s/.test(trimmed)) return `one word "${trimmed}"`;
  return null;
}

/** One described element of the schema: `Type`, `Type.field`, `Type.field(arg)`, `InputType.field` or `Enum.VALUE`. */
interface Described {
  coordinate: string;
  kind: 'type' | 'field' | 'argument' | 'enum value';
  description: string | null | undefined;
  /**
   * The one declaration in the code this element comes from, when the schema repeats it: what counts against
   * MAX_SHARED. Defaults to `coordinate`.
   */
  declaration?: string;
}

const CONNECTION_FIELDS = ['edges', 'pageInfo', 'totalCount'];
const EDGE_FIELDS = ['cursor', 'node'];
const ORDER_INPUT_FIELDS = ['field', 'direction'];
/** The arguments of the platform's `ConnectionArgs` class (packages/api/src/platform/pagination/connection-args.ts). */
const CONNECTION_ARGUMENTS = ['first', 'after'];

function hasExactly(fields: object, names: string[]): boolean {
  const own = Object.keys(fields);
  return own.length === names.length && names.every((name) => own.includes(name));
}

/**
 * Which types the platform's factories generate, one per list: `<X>Connection` and `<X>Edge` from `connectionTypes`
 * and `<X>OrderInput` from `orderInputType` (packages/api/src/platform/pagination/). Their fields are declared once.
 */
function generatedFamily(type: GraphQLNamedType): string | null {
  if (isObjectType(type) && type.name.endsWith('Connection') && hasExactly(type.getFields(), CONNECTION_FIELDS)) return '<X>Connection';
  if (isObjectType(type) && type.name.endsWith('Edge') && hasExactly(type.getFields(), EDGE_FIELDS)) return '<X>Edge';
  if (isInputObjectType(type) && type.name.endsWith('OrderInput') && hasExactly(type.getFields(), ORDER_INPUT_FIELDS))
    return '<X>OrderInput';
  return null;
}

/** Every described element of the schema, with the declaration it comes from where the schema repeats one. */
export function describedElements(schema: GraphQLSchema): Described[] {
  const elements: Described[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!UNDESCRIBED_TYPES.has(type.name)) elements.push({ coordinate: type.name, kind: 'type', description: type.description });
    if (isEnumType(type)) {
      for (const value of type.getValues())
        elements.push({ coordinate: `${type.name}.${value.name}`, kind: 'enum value', description: value.description });
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    const family = generatedFamily(type);
    const interfaces = isObjectType(type) || isInterfaceType(type) ? type.getInterfaces() : [];
    const fields: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> = type.getFields();
    for (const field of Object.values(fields)) {
      const coordinate = `${type.name}.${field.name}`;
      // A field an interface declares (Node.id, MutationPayload.errors) is one declaration however many types implement it.
      const fromInterface = interfaces.find(
        (face) => field.name in face.getFields() && face.getFields()[field.name]?.description === field.description,
      );
      const declaration = fromInterface ? `${fromInterface.name}.${field.name}` : family ? `${family}.${field.name}` : coordinate;
      elements.push({ coordinate, kind: 'field', description: field.description, declaration });
      for (const arg of 'args' in field ? field.args : []) {
        // The paging arguments come from the one ConnectionArgs class that every list's arguments extend; the arguments
        // of a field an interface declares (Offering.registrations) are declared once with it.
        const paging = CONNECTION_ARGUMENTS.includes(arg.name) && generatedFamily(getNamedType(field.type)) === '<X>Connection';
        elements.push({
          coordinate: `${coordinate}(${arg.name})`,
          kind: 'argument',
          description: arg.description,
          declaration: paging
            ? `ConnectionArgs.${arg.name}`
            : fromInterface
              ? `${fromInterface.name}.${field.name}(${arg.name})`
              : `${coordinate}(${arg.name})`,
        });
      }
    }
  }
  return elements;
}

/**
 * Texts shared by more than MAX_SHARED declarations. Counted over fields, arguments and input fields together;
 * a declaration the schema repeats (see `describedElements`) counts once. Enum values are counted separately,
 * among themselves: a value says what one constant of one enum means, and is never read next to a field's text,
 * so a value sharing a field's wording is no filler; but ten enums whose values all read "By name." would be.
 */
export function sharingProblems(elements: Described[]): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  for (const pool of [['field', 'argument'], ['enum value']]) {
    const byText = new Map<string, Map<string, string[]>>();
    for (const element of elements) {
      if (!pool.includes(element.kind) || !element.description?.trim()) continue;
      const declarations = byText.get(normalised(element.description)) ?? new Map<string, string[]>();
      const declaration = element.declaration ?? element.coordinate;
      declarations.set(declaration, [...(declarations.get(declaration) ?? []), element.coordinate]);
      byText.set(normalised(element.description), declarations);
    }
    for (const [text, declarations] of byText)
      if (declarations.size > MAX_SHARED)
        problems.set(
          text,
          [...declarations.values()].map((coordinates) => coordinates[0] ?? ''),
        );
  }
  return problems;
}

/** Every violation as one line, `coordinate: problem`, sorted. */
export function descriptionViolations(schema: GraphQLSchema): string[] {
  const elements = describedElements(schema);
  const lines: string[] = [];
  for (const element of elements) {
    const problem = fillerProblem(element.description);
    if (problem) lines.push(`${element.coordinate}: ${problem}`);
  }
  for (const [text, coordinates] of sharingProblems(elements)) {
    lines.push(`shared by ${coordinates.length} (at most ${MAX_SHARED}): "${text}" on ${coordinates.join(', ')}`);
  }
  return lines.sort();
}

describe('the descriptions of the GraphQL contract', () => {
  const schema = buildSchema(schemaSdl);

  it('describe every type, field, argument, input field and enum value with real text, not filler or one text everywhere', () => {
    const violations = descriptionViolations(schema);
    expect(violations, `descriptions to fix in the code (then run \`npm run schema:emit\`):\n${violations.join('\n')}`).toEqual([]);
  });

  it('refuses filler, empty and one-word descriptions', () => {
    for (const text of [
      'What to change.',
      'what to change',
      ' The input. ',
      'Input.',
      'TODO',
      'TODO: describe',
      'Description',
      '',
      null,
      'Name.',
    ])
      expect(fillerProblem(text), String(text)).not.toBeNull();
    expect(fillerProblem('The new member organisation: name, kind, organisation number and populations.')).toBeNull();
  });

  it('counts one text shared by more than three fields or arguments, but a declaration the schema repeats once', () => {
    const lists = ['a', 'b', 'c', 'd']
      .map(
        (name) =>
          `"List of ${name}." ${name}s("Page size." first: Int, "After this cursor." after: String): ${name.toUpperCase()}Connection`,
      )
      .join('\n');
    const types = ['A', 'B', 'C', 'D']
      .map(
        (name) => `
          "${name}s." type ${name}Connection { "Items." edges: [${name}Edge!]! "Paging." pageInfo: Int! "Count." totalCount: Int! }
          "${name}." type ${name}Edge { "Position." cursor: String! "The node." node: ${name}! }
          "${name} thing." type ${name} implements Node { "Global id." id: ID! "Its name." name: String! }`,
      )
      .join('\n');
    const sdl = `"Root." type Query { ${lists} }\n"Refetchable." interface Node { "Global id." id: ID! }\n${types}`;
    const shared = sharingProblems(describedElements(buildSchema(sdl)));
    // Node.id, the connections' fields and the paging arguments are each one declaration; `name` is four.
    expect([...shared.keys()]).toEqual(['its name']);
    expect(shared.get('its name')).toEqual(['A.name', 'B.name', 'C.name', 'D.name']);
  });
});
