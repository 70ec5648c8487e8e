import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const AuthErrors = {
  invalidCredentials: () => DomainError.of(null, UserErrorCode.INVALID_CREDENTIALS, 'The e-mail address or the password is wrong.'),
  locked: (seconds: number) =>
    DomainError.of(
      null,
      UserErrorCode.TOO_MANY_ATTEMPTS,
      `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
    ),
  wrongCurrentPassword: () => DomainError.of('currentPassword', UserErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.'),
  invalidToken: () =>
    DomainError.of('token', UserErrorCode.INVALID_TOKEN, 'The link is unknown, already used or expired. Ask for a new one.'),
  samePassword: () => DomainError.of('newPassword', UserErrorCode.INVALID, 'Choose a password other than the current one.'),
};
