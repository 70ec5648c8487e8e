import type { PayloadError } from '@evikomp/portal-shared';

/** The staff forms' own words for the API's employment errors (its texts are English); undefined: the code's text. */
export function employmentMessageFor(t: (key: string) => string) {
  return (error: PayloadError): string | undefined => {
    const field = error.field?.replace(/^input\./, '');
    if (field === 'employeeNumber' && error.code === 'TAKEN') return t('staff.errors.employeeNumberTaken');
    if (field === 'startsOn' && error.code === 'CONFLICT') return t('staff.errors.overlaps');
    if (field === 'personId' && error.code === 'CONFLICT') return t('staff.errors.otherOrganisation');
    if (field === 'newPerson.email' && error.code === 'TAKEN') return t('staff.errors.emailTaken');
    if ((field === 'endsOn' || field === 'startsOn') && error.code === 'INVALID' && error.message.includes('before the first day'))
      return t('staff.errors.endsBeforeStart');
    if (field === 'id' && error.code === 'CONFLICT') return t('staff.errors.alreadyEnded');
    return undefined;
  };
}
