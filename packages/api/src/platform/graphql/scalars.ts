import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function checkYear(value: string): string {
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new TypeError(`LocalDate must be between ${FIRST_YEAR} and ${LAST_YEAR}: ${value}`);
  return value;
}

/**
 * A calendar date, `YYYY-MM-DD` (dates in Evikomp are Swedish calendar days, no time zone), in the
 * years 1900–2200: graphql-scalars checks the format and the day, this the range PostgreSQL and the
 * domain make sense of.
 */
export const LocalDate = new GraphQLScalarType({
  name: 'LocalDate',
  description: `A calendar date, YYYY-MM-DD, in the years ${FIRST_YEAR} to ${LAST_YEAR}.`,
  serialize: (value) => LocalDateResolver.serialize(value),
  parseValue: (value) => checkYear(LocalDateResolver.parseValue(value) as string),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('LocalDate must be a string YYYY-MM-DD.');
    return checkYear(LocalDateResolver.parseLiteral(ast, {}) as string);
  },
});

function checkInstant(value: Date): Date {
  const year = value.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR)
    throw new TypeError(`DateTime must be between ${FIRST_YEAR} and ${LAST_YEAR}: ${value.toISOString()}`);
  return value;
}

/** A point in time, ISO 8601 with offset, in the years 1900–2200 (as LocalDate). */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: `A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the date-time format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar; in the years ${FIRST_YEAR} to ${LAST_YEAR}.`,
  serialize: (value) => DateTimeResolver.serialize(value),
  parseValue: (value) => checkInstant(DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast) => checkInstant(DateTimeResolver.parseLiteral(ast, {}) as Date),
});
