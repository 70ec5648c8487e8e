import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date, `YYYY-MM-DD` (dates in Evikomp are Swedish calendar days, no time zone). */
export const LocalDate = LocalDateResolver;
/** A point in time, ISO 8601 with offset. */
export const DateTime = DateTimeResolver;
