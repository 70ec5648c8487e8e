import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const CatalogueErrors = {
  trackNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No learning track has this id.'),
  moduleNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No learning module has this id.'),
  organisationNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  keyTaken: (field: string, kind: 'track' | 'module') =>
    DomainError.of(field, UserErrorCode.TAKEN, `Another learning ${kind} already has this external key.`),
  notCoCreated: () =>
    DomainError.of('sharedWithMembers', UserErrorCode.CONFLICT, 'Only a co-created track is shared; the common catalogue is for everyone.'),
  alreadyRetired: (kind: 'track' | 'module') => DomainError.of('id', UserErrorCode.CONFLICT, `The learning ${kind} is already retired.`),
  unreadableFile: (why: string) => DomainError.of('contentBase64', UserErrorCode.INVALID, `The file cannot be read: ${why}`),
  rowsWithErrors: (count: number) =>
    DomainError.of(
      'contentBase64',
      UserErrorCode.INVALID,
      `${count} row(s) of the file have errors (see the report); nothing was imported.`,
    ),
};
