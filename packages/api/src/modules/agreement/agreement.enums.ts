import { registerEnumType } from 'type-graphql';
import { AgreementStatus } from './agreement-period.js';

export { AgreementStatus };

/** The model's six components (seed 000/001), which an agreement gives a member access to. */
export enum AgreementService {
  LEARNING_PLATFORM = 'LEARNING_PLATFORM',
  LEADER_SUPPORT = 'LEADER_SUPPORT',
  WORKPLACE_SUPPORT = 'WORKPLACE_SUPPORT',
  CO_CREATION = 'CO_CREATION',
  TEACHER_SUPPORT = 'TEACHER_SUPPORT',
  NETWORKS = 'NETWORKS',
}
registerEnumType(AgreementService, {
  name: 'AgreementService',
  description: "One of the Evikomp model's six components, which an agreement gives a member access to.",
  valuesConfig: {
    LEARNING_PLATFORM: { description: 'The digital interactive learning platform with its learning tracks and modules.' },
    LEADER_SUPPORT: { description: 'Leader support: first-line managers trained in workplace learning (leader training, chefsinternat).' },
    WORKPLACE_SUPPORT: { description: 'Workplace support: competence coordinators assigned to the workplaces.' },
    CO_CREATION: { description: 'Support for co-creation (medskapande) of locally adapted learning tracks.' },
    TEACHER_SUPPORT: { description: 'Teacher support from the Vård- och omsorgscollege at learning sessions held at the workplace.' },
    NETWORKS: { description: 'Networks for managers, teachers and care staff taking part in the model.' },
  },
});

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands on a given day.',
  valuesConfig: {
    NOT_STARTED: { description: 'The agreement is signed but its first day has not come.' },
    IN_FORCE: { description: 'The agreement is in force and no notice has been given.' },
    NOTICE_GIVEN: { description: 'Notice has been given; the agreement is in force until its computed end date.' },
    ENDED: { description: 'The last day of the agreement has passed.' },
  },
});
