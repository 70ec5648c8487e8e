import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const SecondFactorErrors = {
  alreadyEnabled: () =>
    DomainError.of(null, UserErrorCode.CONFLICT, 'A second factor is on already; an administrator resets it before a new one is set up.'),
  notSetUp: () => DomainError.of(null, UserErrorCode.CONFLICT, 'Set up a second factor first (secondFactorSetup).'),
  notEnabledFor: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'This person has no second factor.'),
  wrongCode: (field: string) =>
    DomainError.of(
      field,
      UserErrorCode.INVALID_SECOND_FACTOR,
      'The code is wrong, already used or too old. Use the newest code from the app.',
    ),
  required: () =>
    DomainError.of(
      'secondFactorCode',
      UserErrorCode.SECOND_FACTOR_REQUIRED,
      'This account has a second factor: sign in again with the code from the authenticator app, or a recovery code.',
    ),
};
