/** Codes of errors about the request as a whole (queries have no payload errors to carry them). */
export type RequestErrorCode = 'FORBIDDEN' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'BAD_USER_INPUT';

const STATUS: Record<RequestErrorCode, number> = { FORBIDDEN: 403, UNAUTHENTICATED: 401, RATE_LIMITED: 429, BAD_USER_INPUT: 400 };

/**
 * Thrown by services and policies when a request may not go on; it knows nothing of GraphQL. The
 * GraphQL layer turns it into an error with `extensions.code` (see `toGraphQLError`).
 */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly details: { argumentName?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
