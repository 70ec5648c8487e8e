import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const CostShareErrors = {
  frozen: (year: number) =>
    DomainError.of('year', UserErrorCode.CONFLICT, `The cost shares of ${year} are frozen as the basis for invoices; they cannot change.`),
  yearNotFound: (year: number) => DomainError.of('year', UserErrorCode.NOT_FOUND, `Nothing is entered for ${year} yet.`),
  incomplete: (year: number, missing: string[]) =>
    DomainError.of('year', UserErrorCode.CONFLICT, `The cost shares of ${year} cannot be computed yet: missing ${missing.join(', ')}.`),
  organisationNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  duplicateOrganisation: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'This organisation is given twice.'),
};
