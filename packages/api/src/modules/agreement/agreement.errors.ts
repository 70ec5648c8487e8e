import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const AgreementErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No agreement has this id.'),
  organisationNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  datesOutOfOrder: (field: string, what: string) => DomainError.of(field, UserErrorCode.INVALID, what),
  overlaps: () => DomainError.of('startsOn', UserErrorCode.CONFLICT, 'The organisation already has an agreement in force in this period.'),
  noticeAlreadyGiven: (on: string) => DomainError.of('noticeGivenOn', UserErrorCode.CONFLICT, `Notice was already given on ${on}.`),
  noNotice: () => DomainError.of('id', UserErrorCode.CONFLICT, 'No notice has been given on this agreement.'),
  duplicateService: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'A service is listed twice.'),
};
