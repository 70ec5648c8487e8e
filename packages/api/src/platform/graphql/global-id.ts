import { GraphQLError } from 'graphql';
import { DomainError, UserErrorCode } from '../errors/user-error.js';

/**
 * Global object identification: an id names both the type and the row, so `node(id:)` can refetch
 * anything. The encoding is opaque to clients (base64url of "Type:uuid").
 */
export type NodeTypeName = 'Organisation' | 'Workplace' | 'Person' | 'RoleAssignment' | 'AuditEntry' | 'ApiClient' | 'Programme' | 'Cohort' | 'Registration' | 'Session' | 'Network' | 'NetworkMembership' | 'NetworkMeeting' | 'Event' | 'CalendarFeed';

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>(['Organisation', 'Workplace', 'Person', 'RoleAssignment', 'AuditEntry', 'ApiClient', 'Programme', 'Cohort', 'Registration', 'Session', 'Network', 'NetworkMembership', 'NetworkMeeting', 'Event', 'CalendarFeed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id; null when it is malformed or names another type than `expected`. */
export function fromGlobalId(globalId: string, expected?: NodeTypeName): { type: NodeTypeName; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!NODE_TYPES.has(type) || !UUID.test(id)) return null;
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
