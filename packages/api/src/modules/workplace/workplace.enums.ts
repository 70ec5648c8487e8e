import { registerEnumType } from 'type-graphql';

export enum WorkplaceType {
  HOME_CARE = 'HOME_CARE',
  NURSING_HOME = 'NURSING_HOME',
  SHORT_TERM_CARE = 'SHORT_TERM_CARE',
  DISABILITY_SERVICES = 'DISABILITY_SERVICES',
  DAY_ACTIVITIES = 'DAY_ACTIVITIES',
  SOCIAL_PSYCHIATRY = 'SOCIAL_PSYCHIATRY',
  HOME_HEALTH_CARE = 'HOME_HEALTH_CARE',
  PRIMARY_CARE = 'PRIMARY_CARE',
  HOSPITAL_CARE = 'HOSPITAL_CARE',
  OTHER = 'OTHER',
}
registerEnumType(WorkplaceType, {
  name: 'WorkplaceType',
  description: 'Kind of care a workplace provides.',
  valuesConfig: {
    HOME_CARE: { description: 'Home care (hemtjänst): care and service in the home of the person cared for.' },
    NURSING_HOME: { description: 'Nursing home (vård- och omsorgsboende): residential care for older people.' },
    SHORT_TERM_CARE: { description: 'Short-term care (korttidsboende): a temporary stay, e.g. after a hospital stay or as respite.' },
    DISABILITY_SERVICES: { description: 'Disability services under LSS (e.g. an LSS home, gruppbostad).' },
    DAY_ACTIVITIES: { description: 'Day activities (daglig verksamhet, dagverksamhet).' },
    SOCIAL_PSYCHIATRY: { description: 'Social psychiatry (socialpsykiatri): support for people with mental illness.' },
    HOME_HEALTH_CARE: { description: 'Home health care (hemsjukvård): health care given in the home.' },
    PRIMARY_CARE: { description: 'Primary care (primärvård), e.g. a health centre (vårdcentral).' },
    HOSPITAL_CARE: { description: 'Hospital care (slutenvård), e.g. a hospital ward.' },
    OTHER: { description: 'Care of a kind that none of the other types names.' },
  },
});

export enum WorkplaceStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}
registerEnumType(WorkplaceStatus, {
  name: 'WorkplaceStatus',
  description: 'Whether a workplace takes part in the model.',
  valuesConfig: {
    ACTIVE: { description: 'The workplace takes part in workplace learning now.' },
    LEFT: { description: 'The workplace has left the model (on `leftOn`); its roles ended then and its history is kept.' },
  },
});
