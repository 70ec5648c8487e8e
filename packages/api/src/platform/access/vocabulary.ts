import { registerEnumType } from 'type-graphql';

/** The roles a person can hold (the domain's words); what each allows is in the modules' policies. */
export enum Role {
  MANAGER = 'MANAGER',
  WORKPLACE_COORDINATOR = 'WORKPLACE_COORDINATOR',
  COMPETENCE_COORDINATOR = 'COMPETENCE_COORDINATOR',
  ORGANISATION_ADMIN = 'ORGANISATION_ADMIN',
  ADMINISTRATOR = 'ADMINISTRATOR',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A role in the Evikomp model.',
  valuesConfig: {
    MANAGER: { description: 'First-line manager (verksamhetschef) of a workplace.' },
    WORKPLACE_COORDINATOR: { description: 'Workplace coordinator (arbetsplatskoordinator): one per workplace.' },
    COMPETENCE_COORDINATOR: { description: 'Competence coordinator (kompetenssamordnare) supporting workplaces.' },
    ORGANISATION_ADMIN: { description: "Administrator of one member organisation's data." },
    ADMINISTRATOR: { description: 'Central administrator of the model (everything).' },
  },
});

/** What an API client may do. */
export enum ApiScope {
  READ_DIRECTORY = 'read:directory',
  WRITE_DIRECTORY = 'write:directory',
  READ_CONTACT_DETAILS = 'read:contact-details',
  READ_TRAINING = 'read:training',
  WRITE_TRAINING = 'write:training',
  READ_STATISTICS = 'read:statistics',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API client may do.',
  valuesConfig: {
    READ_DIRECTORY: { description: 'Read organisations, workplaces, people (names) and roles.' },
    WRITE_DIRECTORY: { description: 'Create and change workplaces, people and roles (implies reading them).' },
    READ_CONTACT_DETAILS: { description: "Read people's e-mail addresses and phone numbers." },
    READ_TRAINING: { description: 'Read leader training, networks and events.' },
    WRITE_TRAINING: { description: 'Register people for leader training, networks and events.' },
    READ_STATISTICS: {
      description:
        "Read the training statistics (trainingStatistics): its organisation's figures, or every organisation's when county-wide.",
    },
  },
});
