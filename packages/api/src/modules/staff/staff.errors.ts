import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const StaffErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No employment has this id.'),
  personNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No person has this id.'),
  workplaceNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No workplace has this id.'),
  organisationNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  endsBeforeStart: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'The last day is before the first day.'),
  alreadyEnded: (on: string) => DomainError.of('id', UserErrorCode.CONFLICT, `The employment already ended on ${on}.`),
  numberTaken: (field: string) =>
    DomainError.of(field, UserErrorCode.TAKEN, 'Another employment of the organisation has this employee number in an overlapping period.'),
  overlaps: (field: string) =>
    DomainError.of(field, UserErrorCode.CONFLICT, 'The person already has an employment at this workplace in an overlapping period.'),
  notSameOrganisation: () =>
    DomainError.of('personId', UserErrorCode.CONFLICT, "The person's home organisation is not the workplace's organisation."),
  personOrNewPerson: () => DomainError.of('personId', UserErrorCode.INVALID, 'Give either the id of a person or a new person, not both.'),
  emailTaken: () => DomainError.of('newPerson.email', UserErrorCode.TAKEN, 'Another person has this e-mail address.'),
  badFile: (message: string) => DomainError.of('file', UserErrorCode.INVALID, message),
  inviteNotForApiClients: () => DomainError.of('invite', UserErrorCode.FORBIDDEN, 'API clients cannot send invitations.'),
};
