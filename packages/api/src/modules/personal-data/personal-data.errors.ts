import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const PersonalDataErrors = {
  notConfirmed: () => DomainError.of('confirm', UserErrorCode.INVALID, 'Confirm the erasure: it cannot be undone.'),
  erasingOneself: () => DomainError.of('id', UserErrorCode.CONFLICT, 'You cannot erase yourself.'),
  alreadyErased: () => DomainError.of('id', UserErrorCode.CONFLICT, 'The personal data is already erased.'),
};
