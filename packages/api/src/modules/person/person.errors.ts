import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const PersonErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No person has this id.'),
  emailTaken: () => DomainError.of('email', UserErrorCode.TAKEN, 'Another person has this e-mail address.'),
};
