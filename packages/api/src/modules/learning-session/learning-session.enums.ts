import { registerEnumType } from 'type-graphql';

/** What kind of learning a session was. */
export enum LearningSessionType {
  TEACHER_LED = 'TEACHER_LED',
  REFLECTION = 'REFLECTION',
  WEB_BASED = 'WEB_BASED',
  OTHER = 'OTHER',
}
registerEnumType(LearningSessionType, {
  name: 'LearningSessionType',
  description: 'What kind of learning a learning session was.',
  valuesConfig: {
    TEACHER_LED: { description: 'Led by a teacher, e.g. from the Vård- och omsorgscollege (lärarledd).' },
    REFLECTION: { description: 'A reflection session of the staff together (reflektion).' },
    WEB_BASED: { description: 'Learning modules taken on the web platform together (webbaserad).' },
    OTHER: { description: 'Another kind of workplace learning (annat).' },
  },
});

/** The two steps of a month's attestation. */
export enum LearningAttestationStep {
  CONFIRMED = 'CONFIRMED',
  ATTESTED = 'ATTESTED',
}
registerEnumType(LearningAttestationStep, {
  name: 'LearningAttestationStep',
  description: 'A step of the monthly attestation of learning hours.',
  valuesConfig: {
    CONFIRMED: { description: 'The participant confirmed their own hours (first step).' },
    ATTESTED: { description: "The workplace's manager attested the confirmed hours (second step)." },
  },
});

/** How the person who signed a step had signed in, or that it was signed on paper. */
export enum LearningEvidenceMethod {
  PASSWORD = 'PASSWORD',
  PASSWORD_TOTP = 'PASSWORD_TOTP',
  API_CLIENT = 'API_CLIENT',
  PAPER_LIST = 'PAPER_LIST',
}
registerEnumType(LearningEvidenceMethod, {
  name: 'LearningEvidenceMethod',
  description: 'How an attestation step was signed: the signer’s sign-in method, or a signed paper attendance list.',
  valuesConfig: {
    PASSWORD: { description: 'Signed in with e-mail and password.' },
    PASSWORD_TOTP: { description: 'Signed in with e-mail, password and a second-factor code.' },
    API_CLIENT: { description: 'Through an external system with an API key.' },
    PAPER_LIST: { description: 'From a paper attendance list signed by the participants and the named manager.' },
  },
});

/** Where a participant's hours of a month at a workplace stand. */
export enum LearningHoursStatus {
  UNCONFIRMED = 'UNCONFIRMED',
  CONFIRMED = 'CONFIRMED',
  ATTESTED = 'ATTESTED',
}
registerEnumType(LearningHoursStatus, {
  name: 'LearningHoursStatus',
  description: "Where a participant's learning hours of a month at a workplace stand in the attestation.",
  valuesConfig: {
    UNCONFIRMED: { description: 'Some hours wait for the participant to confirm them.' },
    CONFIRMED: { description: 'Every hour is confirmed; some wait for the manager to attest them.' },
    ATTESTED: { description: 'Every hour is confirmed and attested.' },
  },
});

export enum LearningSessionOrderField {
  HELD_ON = 'heldOn',
}
registerEnumType(LearningSessionOrderField, {
  name: 'LearningSessionOrderField',
  description: 'Sort key of learning sessions.',
  valuesConfig: { HELD_ON: { description: 'By the day the session was held (then its start time).' } },
});
