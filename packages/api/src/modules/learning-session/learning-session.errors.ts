import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { monthName } from './learning-month.js';

export const LearningSessionErrors = {
  notFound: (field = 'id') => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No learning session has this id.'),
  workplaceNotFound: () => DomainError.of('workplaceId', UserErrorCode.NOT_FOUND, 'No workplace has this id.'),
  organisationNotFound: () => DomainError.of('organisationId', UserErrorCode.NOT_FOUND, 'No organisation has this id.'),
  personNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No person has this id.'),
  moduleNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No learning module has this id.'),
  mayNotRegister: () =>
    DomainError.of(
      'workplaceId',
      UserErrorCode.FORBIDDEN,
      "Only administrators, the organisation's admins and the workplace's manager and coordinators register its learning sessions.",
    ),
  mayNotRecordPaperList: () =>
    DomainError.of(
      'workplaceId',
      UserErrorCode.FORBIDDEN,
      "Only the workplace's manager or workplace coordinator (or an administrator) records a paper attendance list.",
    ),
  timesOutOfOrder: () => DomainError.of('endsAt', UserErrorCode.INVALID, 'The session must end after it starts, on the same day.'),
  notAtWorkplace: (field: string) =>
    DomainError.of(field, UserErrorCode.INVALID, 'A participant is employed at the workplace on the day, or holds a role there.'),
  duplicateParticipant: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'Each participant is listed once.'),
  hoursTooLong: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'At most 24 hours, and more than zero.'),
  notSigningManager: () =>
    DomainError.of(
      'paperListSignedById',
      UserErrorCode.INVALID,
      "The paper list is signed by a manager of the workplace on the session's day.",
    ),
  cancelled: () => DomainError.of('id', UserErrorCode.CONFLICT, 'The learning session is cancelled: it cannot change.'),
  hoursSigned: () =>
    DomainError.of(
      'id',
      UserErrorCode.CONFLICT,
      'Hours of this session are already confirmed or attested: the session cannot change or be cancelled any more.',
    ),
  /** "Mars 2026 är stängd. / March 2026 is closed." */
  monthClosed: (month: string, field = 'heldOn') =>
    DomainError.of(
      field,
      UserErrorCode.CONFLICT,
      `${monthName(month, 'sv')} är stängd: inget i månaden kan ändras. / ${monthName(month, 'en')} is closed: nothing in it can change.`,
    ),
  monthAlreadyClosed: (month: string) =>
    DomainError.of(
      'month',
      UserErrorCode.TAKEN,
      `${monthName(month, 'sv')} är redan stängd. / ${monthName(month, 'en')} is already closed.`,
    ),
  mayNotClose: () => DomainError.of('month', UserErrorCode.FORBIDDEN, 'Only administrators close a month.'),
  onlyParticipant: () => DomainError.of('personId', UserErrorCode.FORBIDDEN, 'Only the participant confirms their own hours.'),
  onlyManager: () =>
    DomainError.of('workplaceId', UserErrorCode.FORBIDDEN, "Only the workplace's manager attests its participants' hours."),
  nothingToConfirm: () =>
    DomainError.of('month', UserErrorCode.CONFLICT, 'There are no unconfirmed hours of this month at this workplace to confirm.'),
  notConfirmedYet: () =>
    DomainError.of(
      'month',
      UserErrorCode.CONFLICT,
      'The participant has not confirmed these hours yet: they confirm them first, then the manager attests.',
    ),
  nothingToAttest: () =>
    DomainError.of('month', UserErrorCode.CONFLICT, 'There are no confirmed hours of this month waiting to be attested.'),
  signedInPersonOnly: () => DomainError.of(null, UserErrorCode.FORBIDDEN, 'Attestation steps are signed by a signed-in person.'),
};
