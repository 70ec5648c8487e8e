import { GraphQLError } from 'graphql';
import { DomainError, UserErrorCode } from '../errors/user-error.js';

/**
 * Global object identification: an id names both the type and the row, so `node(id:)` can refetch
 * anything. The encoding is opaque to clients (base64url of "Type:uuid").
 */
// Each module adds its node types by declaration merging (`declare module … { interface NodeTypes { Person: true } }`),
// so the names are checked at compile time while the platform lists none of them.
export interface NodeTypes {}
export type NodeTypeName = keyof NodeTypes & string;

/** The node types of the running modules, registered by the module registry: other names are no ids. */
const knownTypes = new Set<string>();
export function registerNodeTypeNames(names: Iterable<string>): void {
  for (const name of names) knownTypes.add(name);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a name is one of the running modules' node types. */
export function isNodeTypeName(name: string): name is NodeTypeName {
  return knownTypes.has(name);
}

/** Any character but printable ASCII (type names and uuids have none): those texts take the Buffer path. */
const BEYOND_ASCII = /[^ -~]/;

export function toGlobalId(type: NodeTypeName, id: string): string {
  const text = `${type}:${id}`;
  // An answer holds an id per object: for ASCII (type names and uuids) btoa is the same bytes without a Buffer.
  if (BEYOND_ASCII.test(text)) return Buffer.from(text, 'utf8').toString('base64url');
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Decodes a global id; null when it is malformed or names another type than `expected`. */
export function fromGlobalId(globalId: string, expected?: NodeTypeName): { type: NodeTypeName; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!knownTypes.has(type) || !UUID.test(id)) return null;
  if (expected && type !== expected) return null;
  return { type: type as NodeTypeName, id };
}

/** The row id behind a global id given in a mutation input; an id of the wrong type or malformed is not found. */
export function requireEntityId(globalId: string, type: NodeTypeName, field: string): string {
  const decoded = fromGlobalId(globalId, type);
  if (!decoded) throw DomainError.of(field, UserErrorCode.NOT_FOUND, `No ${type} has this id.`);
  return decoded.id;
}

/** The row id behind a global id given as a query argument (e.g. a filter); malformed ids are a bad request. */
export function argumentEntityId(globalId: string, type: NodeTypeName, argumentName: string): string {
  const decoded = fromGlobalId(globalId, type);
  if (!decoded) {
    throw new GraphQLError(`\`${argumentName}\` is not the id of a ${type}.`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
  }
  return decoded.id;
}
