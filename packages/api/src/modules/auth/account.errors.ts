import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

/** Errors of the account life cycle: invitations, activation, deactivation. */
export const AccountErrors = {
  personNotFound: (field = 'personId') => DomainError.of(field, UserErrorCode.NOT_FOUND, 'There is no such person.'),
  notAllowed: (field: string | null = 'personId') =>
    DomainError.of(
      field,
      UserErrorCode.FORBIDDEN,
      "You may manage the sign-in only of your organisation's people who hold no role beyond those you may give.",
    ),
  notForApiClients: () => DomainError.of(null, UserErrorCode.FORBIDDEN, 'Only people (administrators) manage sign-in accounts.'),
  alreadyHasAccount: (field = 'personId') =>
    DomainError.of(field, UserErrorCode.CONFLICT, 'The person already has an account; reactivate it if it is deactivated.'),
  noEmailAddress: (field = 'personId') =>
    DomainError.of(field, UserErrorCode.CONFLICT, 'The person has no e-mail address an invitation could go to.'),
  noAccount: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The person has no account; invite them instead.'),
  alreadyDeactivated: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The account is already deactivated.'),
  notDeactivated: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The account is not deactivated.'),
  ownAccount: () => DomainError.of('personId', UserErrorCode.FORBIDDEN, 'You cannot deactivate your own account.'),
  invalidInvitation: () =>
    DomainError.of(
      'token',
      UserErrorCode.INVALID_TOKEN,
      'The invitation link is unknown, already used, replaced or expired. Ask for a new one.',
    ),
  deactivated: () =>
    DomainError.of(null, UserErrorCode.ACCOUNT_DEACTIVATED, "The account is deactivated. Ask your organisation's administrator."),
  tooManyResetRequests: (seconds: number) =>
    DomainError.of(
      'email',
      UserErrorCode.TOO_MANY_ATTEMPTS,
      `Too many reset links asked for. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
    ),
  selectionNeeded: () =>
    DomainError.of(null, UserErrorCode.INVALID, 'Give exactly one selection: personIds, workplaceId or organisationId.'),
  selectionTooLarge: (max: number) =>
    DomainError.of(null, UserErrorCode.INVALID, `The selection holds more than ${max} people; narrow it down.`),
};
