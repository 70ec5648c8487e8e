import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const RoleAssignmentErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No role assignment has this id.'),
  workplaceRequired: (role: string) => DomainError.of('workplaceId', UserErrorCode.INVALID, `A ${role} is assigned to a workplace.`),
  organisationRequired: () =>
    DomainError.of('organisationId', UserErrorCode.INVALID, 'An ORGANISATION_ADMIN is assigned to an organisation.'),
  scopeNotAllowed: (field: string, role: string) =>
    DomainError.of(field, UserErrorCode.INVALID, `A ${role} is not assigned to this kind of scope.`),
  workplaceLeft: () => DomainError.of('workplaceId', UserErrorCode.CONFLICT, 'The workplace has left the model.'),
  alreadyHeld: () =>
    DomainError.of('personId', UserErrorCode.CONFLICT, 'The person already holds this role in this scope for that period.'),
  startsBeforeWorkplaceJoined: (joinedOn: string) =>
    DomainError.of('startsOn', UserErrorCode.INVALID, `The workplace joined the model on ${joinedOn}; the role cannot start before that.`),
  notActiveOn: (day: string) => DomainError.of('movesOn', UserErrorCode.CONFLICT, `The assignment is not held on ${day}.`),
  laterHolderExists: (startsOn: string) =>
    DomainError.of(
      'startsOn',
      UserErrorCode.CONFLICT,
      `Someone is already assigned this role here from ${startsOn}; end that assignment first.`,
    ),
  alreadyEnded: () => DomainError.of('id', UserErrorCode.CONFLICT, 'The assignment has already ended.'),
  endsBeforeStart: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'The end date is before the start date.'),
  notAWorkplaceRole: () => DomainError.of('id', UserErrorCode.INVALID, 'Only workplace roles can move to another workplace.'),
  sameWorkplace: () => DomainError.of('workplaceId', UserErrorCode.INVALID, 'The assignment is already at this workplace.'),
};
