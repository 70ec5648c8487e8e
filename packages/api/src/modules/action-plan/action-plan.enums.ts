import { registerEnumType } from 'type-graphql';

/** Where an action plan stands. SENT_BACK is editable again, like DRAFT. */
export enum ActionPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SCHEDULE_PROPOSED = 'SCHEDULE_PROPOSED',
  ACCEPTED = 'ACCEPTED',
  SENT_BACK = 'SENT_BACK',
}
registerEnumType(ActionPlanStatus, {
  name: 'ActionPlanStatus',
  description: 'Where an action plan stands in its steps.',
  valuesConfig: {
    DRAFT: { description: 'Being filled in by the workplace’s manager (utkast).' },
    SUBMITTED: { description: 'Submitted by the manager; waiting for a competence coordinator to propose a schedule (inskickad).' },
    SCHEDULE_PROPOSED: { description: 'A competence coordinator proposed a schedule; waiting for the manager (schema föreslaget).' },
    ACCEPTED: { description: 'The manager accepted the proposed schedule (godkänd).' },
    SENT_BACK: { description: 'The manager sent the proposal back with a comment; editable and submitted again (återskickad).' },
  },
});

/** One step of a plan's history. */
export enum ActionPlanStepKind {
  CREATED = 'CREATED',
  SUBMITTED = 'SUBMITTED',
  SCHEDULE_PROPOSED = 'SCHEDULE_PROPOSED',
  ACCEPTED = 'ACCEPTED',
  SENT_BACK = 'SENT_BACK',
}
registerEnumType(ActionPlanStepKind, {
  name: 'ActionPlanStepKind',
  description: 'A step taken on an action plan.',
  valuesConfig: {
    CREATED: { description: 'The manager started the plan.' },
    SUBMITTED: { description: 'The manager submitted the plan.' },
    SCHEDULE_PROPOSED: { description: 'A competence coordinator proposed a schedule.' },
    ACCEPTED: { description: 'The manager accepted the schedule.' },
    SENT_BACK: { description: 'The manager sent the proposed schedule back, with a comment.' },
  },
});

export enum ActionPlanOrderField {
  PERIOD_STARTS_ON = 'periodStartsOn',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(ActionPlanOrderField, {
  name: 'ActionPlanOrderField',
  description: 'Sort key of action plans.',
  valuesConfig: {
    PERIOD_STARTS_ON: { description: 'By the first day of the plan’s period.' },
    UPDATED_AT: { description: 'By when the plan last changed.' },
  },
});
