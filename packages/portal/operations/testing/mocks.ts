// Answers of the API for the operations app's component tests, shaped as the API gives them, at the GraphQL boundary.

/** A mutation's answer (one helper for every app's specs). */
export { payload } from '@evikomp/portal-shared/testing';
