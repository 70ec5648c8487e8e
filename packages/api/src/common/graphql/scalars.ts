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

/** A point in time, ISO 8601 with offset. */
export const DateTime = DateTimeResolver;
