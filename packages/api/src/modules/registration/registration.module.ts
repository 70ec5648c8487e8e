import { defineModule } from '../../platform/module/module-definition.js';
import { RegistrationJobs } from './registration-jobs.js';
import { registrationLoaders } from './registration.loaders.js';
import { registrationPersonalData } from './registration.personal-data.js';
import { Attendance, Offering, OfferingQuota, OfferingSession, Registration } from './registration.entities.js';

export const registrationModule = defineModule({
  name: 'registration',
  entities: [Offering, OfferingQuota, OfferingSession, Registration, Attendance],
  loaders: registrationLoaders,
  personalData: registrationPersonalData,
  jobs: ({ orm, logger, config }) => [new RegistrationJobs(orm, logger, config.jobsIntervalMs, config.reminderDaysBefore)],
});
