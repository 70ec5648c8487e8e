import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { ORGANISATION_NUMBER_MESSAGES, type OrganisationNumberCheck } from './organisation-number.js';

export const OrganisationErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  organisationNumberInvalid: (field: string, reason: Exclude<OrganisationNumberCheck, { valid: true }>['reason']) =>
    DomainError.of(field, UserErrorCode.INVALID, ORGANISATION_NUMBER_MESSAGES[reason]),
  organisationNumberTaken: (field: string) =>
    DomainError.of(field, UserErrorCode.TAKEN, 'Another organisation has this organisation number.'),
  principalExists: (principalName: string) =>
    DomainError.of('isPrincipal', UserErrorCode.CONFLICT, `${principalName} is already the principal; there can be only one.`),
  duplicateOrganisation: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'The organisation is given twice.'),
  duplicateYear: (field: string, year: number) => DomainError.of(field, UserErrorCode.INVALID, `The year ${year} is given twice.`),
};
