import { DriverException } from '@mikro-orm/core';
import { UserErrorCode, userError, type UserError } from './user-error.js';

/**
 * Database constraints back the business rules; when a concurrent writer or a direct insert hits one,
 * this table turns the constraint's name into the error the caller sees.
 */
const CONSTRAINT_ERRORS: Record<string, UserError> = {
  organisation_number_unique: userError('organisationNumber', UserErrorCode.TAKEN, 'Another organisation has this organisation number.'),
  organisation_single_principal: userError('isPrincipal', UserErrorCode.CONFLICT, 'Another organisation is already the principal.'),
  workplace_name_unique: userError('name', UserErrorCode.TAKEN, 'The organisation already has a workplace with this name.'),
  person_email_unique: userError('email', UserErrorCode.TAKEN, 'Another person has this e-mail address.'),
  person_identity_number_lookup_unique: userError(
    'identityNumber',
    UserErrorCode.TAKEN,
    'Another person has this personal identity number.',
  ),
  role_assignment_single_holder: userError(
    'workplaceId',
    UserErrorCode.CONFLICT,
    'The workplace already has someone in this role for an overlapping period.',
  ),
  role_assignment_no_overlap: userError(
    'personId',
    UserErrorCode.CONFLICT,
    'The person already holds this role in this scope for that period.',
  ),
  workplace_left_after_joined: userError('joinedOn', UserErrorCode.INVALID, 'A workplace cannot join after it left.'),
  role_assignment_scope_matches_role: userError(null, UserErrorCode.INVALID, 'The scope does not match the role.'),
  role_assignment_ends_after_start: userError('endsOn', UserErrorCode.INVALID, 'The end date is before the start date.'),
  workplace_employee_count_check: userError('employeeCount', UserErrorCode.INVALID, 'Must be zero or more.'),
  offering_within_capacity: userError('capacity', UserErrorCode.CONFLICT, 'More places are confirmed or offered than the capacity allows.'),
  registration_rejection_reason_length: userError('reason', UserErrorCode.INVALID, 'Must be 1 to 500 characters.'),
  offering_session_order: userError('endsAt', UserErrorCode.INVALID, 'A session must end after it starts.'),
  registration_once: userError('personId', UserErrorCode.CONFLICT, 'The person is already registered.'),
  network_membership_open: userError('personId', UserErrorCode.CONFLICT, 'The person is already a member of this network.'),
  employment_employee_number_unique: userError(
    'employeeNumber',
    UserErrorCode.TAKEN,
    'A current employment of the organisation has this employee number.',
  ),
  employment_open_once: userError('startsOn', UserErrorCode.CONFLICT, 'The person already has an open-ended employment at this workplace.'),
  employment_ends_after_start: userError('endsOn', UserErrorCode.INVALID, 'The last day is before the first day.'),
};

/** The user error for a violated constraint, or null when the error is not a known constraint violation. */
export function constraintUserError(error: unknown): UserError | null {
  // SQLSTATE class 23 is "integrity constraint violation" (unique, check, exclusion, foreign key).
  if (!(error instanceof DriverException) || !String((error as { code?: string }).code ?? '').startsWith('23')) return null;
  const constraint = (error as { constraint?: string }).constraint;
  return (constraint && CONSTRAINT_ERRORS[constraint]) || null;
}
