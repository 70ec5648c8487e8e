/**
 * Start-up cannot go on for a reason the person starting the API can fix: the message is one sentence
 * naming the cause and the fix, printed without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
