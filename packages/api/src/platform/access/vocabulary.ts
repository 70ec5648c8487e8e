/** The roles a person can hold (the domain's words); what each allows is in the modules' policies. */
export enum Role {
  MANAGER = 'MANAGER',
  WORKPLACE_COORDINATOR = 'WORKPLACE_COORDINATOR',
  COMPETENCE_COORDINATOR = 'COMPETENCE_COORDINATOR',
  ORGANISATION_ADMIN = 'ORGANISATION_ADMIN',
  ADMINISTRATOR = 'ADMINISTRATOR',
}

/** What an API client may do. */
export enum ApiScope {
  READ_DIRECTORY = 'read:directory',
  WRITE_DIRECTORY = 'write:directory',
  READ_CONTACT_DETAILS = 'read:contact-details',
  READ_TRAINING = 'read:training',
  WRITE_TRAINING = 'write:training',
}
