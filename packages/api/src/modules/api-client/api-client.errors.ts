import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const ApiClientErrors = {
  notFound: () => DomainError.of('id', UserErrorCode.NOT_FOUND, 'No API client has this id.'),
  expiryNotInFuture: () => DomainError.of('expiresAt', UserErrorCode.INVALID, 'Must be in the future.'),
  alreadyRevoked: () => DomainError.of('id', UserErrorCode.CONFLICT, 'The API client is already revoked.'),
  revokedGetsNoKey: () => DomainError.of('id', UserErrorCode.CONFLICT, 'A revoked API client gets no new key.'),
};
