import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import type { ActionPlanStatus } from './action-plan.enums.js';

export const ActionPlanErrors = {
  notFound: (field = 'id') => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No action plan has this id.'),
  workplaceNotFound: () => DomainError.of('workplaceId', UserErrorCode.NOT_FOUND, 'No workplace has this id.'),
  trackNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No published learning track has this id.'),
  trackNotChosen: (field: string) =>
    DomainError.of(field, UserErrorCode.INVALID, 'A planned session takes up one of the tracks the plan chose.'),
  outsidePeriod: (field: string) => DomainError.of(field, UserErrorCode.INVALID, 'Must fall within the plan’s period.'),
  periodOutOfOrder: () => DomainError.of('periodEndsOn', UserErrorCode.INVALID, 'The period must end after it starts, within two years.'),
  periodTaken: () =>
    DomainError.of('periodStartsOn', UserErrorCode.TAKEN, 'The workplace already has an action plan for a period starting this day.'),
  onlyManager: (what: string) => DomainError.of('id', UserErrorCode.FORBIDDEN, `Only the workplace’s manager ${what}.`),
  onlyCompetenceCoordinator: () =>
    DomainError.of('id', UserErrorCode.FORBIDDEN, 'Only a competence coordinator of the organisation proposes a schedule.'),
  outOfOrder: (status: ActionPlanStatus, step: string, allowed: readonly ActionPlanStatus[]) =>
    DomainError.of('id', UserErrorCode.CONFLICT, `The plan is ${status}: it can be ${step} only when it is ${allowed.join(' or ')}.`),
};
