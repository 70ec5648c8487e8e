import { describe, expect, it } from 'vitest';
import { serializeError } from './logger.js';

describe('the log serializer of errors', () => {
  it("keeps a database error's kind and constraint, not the statement's values or the row", () => {
    const error = Object.assign(
      new Error(
        `insert into "person" ("email") values ('karin@example.se') - duplicate key value violates unique constraint "person_email_unique"`,
      ),
      {
        name: 'UniqueConstraintViolationException',
        code: '23505',
        severity: 'ERROR',
        table: 'person',
        constraint: 'person_email_unique',
        detail: 'Key (lower(email))=(karin@example.se) already exists.',
      },
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain('karin@example.se');
    expect(serializeError(error)).toMatchObject({
      message: 'duplicate key value violates unique constraint "person_email_unique"',
      code: '23505',
      constraint: 'person_email_unique',
      table: 'person',
    });
  });

  it('leaves other errors as pino serializes them', () => {
    expect(serializeError(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom' });
  });
});
