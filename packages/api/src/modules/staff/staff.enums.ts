import { registerEnumType } from 'type-graphql';

/** Where an employment stands on a day. */
export enum EmploymentStatus {
  CURRENT = 'CURRENT',
  UPCOMING = 'UPCOMING',
  ENDED = 'ENDED',
}
registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: 'Where an employment stands today (in Sweden).',
  valuesConfig: {
    CURRENT: { description: 'Started, and not ended: the person works there.' },
    UPCOMING: { description: 'Starts on a later day.' },
    ENDED: { description: 'Its last day has passed; it stays as history.' },
  },
});

export enum StaffOrderField {
  LAST_NAME = 'lastName',
  STARTS_ON = 'startsOn',
}
registerEnumType(StaffOrderField, {
  name: 'StaffOrderField',
  description: 'Sort key of a staff list.',
  valuesConfig: {
    LAST_NAME: { description: 'By last name, then first name, in Swedish alphabetical order (… X Y Z Å Ä Ö).' },
    STARTS_ON: { description: 'By the first day of the employment.' },
  },
});

/** The file format of a staff import. */
export enum StaffImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(StaffImportFormat, {
  name: 'StaffImportFormat',
  description: 'Format of a staff file.',
  valuesConfig: {
    CSV: { description: 'Comma- or semicolon-separated text, UTF-8 (with or without byte-order mark) or Windows-1252.' },
    XLSX: { description: 'An Excel workbook; its first worksheet is read.' },
  },
});

/** What an import did, or would do, with one row (or with an employment missing from a complete file). */
export enum StaffImportAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  ENDED = 'ENDED',
  FAILED = 'FAILED',
}
registerEnumType(StaffImportAction, {
  name: 'StaffImportAction',
  description: 'What a staff import did (or, in a dry run, would do) with a row.',
  valuesConfig: {
    CREATED: { description: 'A new employment (and the person too, when they were not known).' },
    UPDATED: { description: 'The person or the employment changed (`changes` names the fields).' },
    UNCHANGED: { description: 'The row matches what is registered.' },
    ENDED: {
      description: 'An employment of the organisation missing from a complete file: ended yesterday (or removed if it had not started).',
    },
    FAILED: { description: 'The row is wrong (`problems` says how); nothing of the file is imported.' },
  },
});
