import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';

export const WorkplaceErrors = {
  notFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No workplace has this id.'),
  nameTaken: () => DomainError.of('name', UserErrorCode.TAKEN, 'The organisation already has a workplace with this name.'),
  leftBeforeJoined: () => DomainError.of('leftOn', UserErrorCode.INVALID, 'A workplace cannot leave before it joined.'),
  joinedAfterLeaving: () => DomainError.of('joinedOn', UserErrorCode.INVALID, 'A workplace cannot join after it left.'),
  leftOnWithoutLeaving: () => DomainError.of('leftOn', UserErrorCode.INVALID, 'Only a workplace with status LEFT has a leaving date.'),
};
