import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { RequestError } from '../errors/request-error.js';
import { UserErrorCode, userError, type UserError } from '../errors/user-error.js';
import { normaliseText, textKindOf, textProblem, TextKind } from '../text.js';

interface TextError {
  /** Dotted path from the argument (`input.lastName`, `filter.search`, `input.populations.0.year`). */
  path: string[];
  message: string;
}

const TEXT_SCALARS = new Set(['String', 'ID']);

/** Whether any String or ID can be reached through an input type (memoised: the schema does not change). */
const holdsText = new WeakMap<object, boolean>();
function typeHoldsText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return TEXT_SCALARS.has(named.name);
  const known = holdsText.get(named);
  if (known !== undefined) return known;
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  const result = Object.values(named.getFields()).some((field) => typeHoldsText(field.type, seen));
  holdsText.set(named, result);
  return result;
}

/** Normalises every text within `value` in place and collects those that are refused. */
function visit(value: unknown, type: GraphQLInputType, kind: TextKind, path: string[], errors: TextError[]): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return value;
    const itemType = nullable.ofType as GraphQLInputType;
    value.forEach((item, index) => (value[index] = visit(item, itemType, kind, [...path, String(index)], errors)));
    return value;
  }
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      if (!(field.name in record) || !typeHoldsText(field.type)) continue;
      record[field.name] = visit(record[field.name], field.type, textKindOf(field.extensions), [...path, field.name], errors);
    }
    return record;
  }
  if (typeof value !== 'string' || !TEXT_SCALARS.has(nullable.name)) return value;
  const normalised = normaliseText(value, kind);
  const message = textProblem(normalised, kind);
  if (message) errors.push({ path, message });
  return normalised;
}

/** The payload a refused mutation answers with: its class's defaults, and the errors. */
function payloadOf(info: GraphQLResolveInfo, errors: UserError[]): unknown {
  const returnType = getNullableType(info.returnType);
  if (!isObjectType(returnType) || !returnType.getInterfaces().some((face) => face.name === 'MutationPayload')) return null;
  const metadata = getMetadataStorage().objectTypes.find((objectType) => objectType.name === returnType.name);
  const PayloadClass = metadata?.target as (new () => object) | undefined;
  return Object.assign(PayloadClass ? new PayloadClass() : {}, { errors });
}

/**
 * The one place text inputs are checked: every String and ID of every argument of every field, however
 * deeply nested, is normalised (`normaliseText`) and refused when it is not text of its kind
 * (`textProblem`; single-line unless the input field says otherwise). It runs before the resolver (see
 * `guardFields`), so nothing is written: a mutation answers with payload errors naming each field (as a
 * dotted path within `input`), anything else with BAD_USER_INPUT naming the argument.
 *
 * Returns undefined when every text is fine (the arguments are then normalised in place), the payload a
 * refused mutation answers with, or throws the BAD_USER_INPUT request error.
 */
export function refuseTextArguments(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
): unknown {
  const errors: TextError[] = [];
  for (const arg of field.args) {
    if (arg.name in args) args[arg.name] = visit(args[arg.name], arg.type, textKindOf(arg.extensions), [arg.name], errors);
  }
  if (errors.length === 0) return undefined;

  if (info.operation.operation === 'mutation' && info.parentType === info.schema.getMutationType()) {
    const userErrors = errors.map(({ path, message }) =>
      userError((path[0] === 'input' ? path.slice(1) : path).join('.') || null, UserErrorCode.INVALID, message),
    );
    const payload = payloadOf(info, userErrors);
    if (payload) return payload;
  }
  const [first] = errors;
  throw new RequestError('BAD_USER_INPUT', `${first!.path.join('.')}: ${first!.message}`, { argumentName: first!.path.join('.') });
}

/** Whether any argument of the field can hold a String or an ID (so that `refuseTextArguments` has work to do). */
export function argumentsHoldText(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.length > 0 && field.args.some((arg) => typeHoldsText(arg.type));
}
