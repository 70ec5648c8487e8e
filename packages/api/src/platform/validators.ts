import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A text that holds something other than white space. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: () => 'Must not be empty.',
      },
    },
    options,
  );
}

/** A calendar date YYYY-MM-DD that exists (the LocalDate scalar checks the format, this the day). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
        defaultMessage: () => 'Must be a date YYYY-MM-DD.',
      },
    },
    options,
  );
}
