import { registerEnumType } from 'type-graphql';

/** Where a track or module is in its life: drafted, in use, or withdrawn (kept for history, never deleted). */
export enum CatalogueStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(CatalogueStatus, {
  name: 'CatalogueStatus',
  description: 'Where a learning track or module is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Being written (utkast): seen only by those who manage it.' },
    PUBLISHED: { description: 'In use (publicerad): everyone signed in who may see the track reads it.' },
    RETIRED: { description: 'Withdrawn (avslutad): kept for history and for plans that chose it, no longer offered.' },
  },
});

export enum LearningTrackOrderField {
  TITLE = 'title',
  EXTERNAL_KEY = 'externalKey',
  UPDATED_AT = 'updatedAt',
  CREATED_AT = 'createdAt',
}
registerEnumType(LearningTrackOrderField, {
  name: 'LearningTrackOrderField',
  description: 'Sort key of learning tracks.',
  valuesConfig: {
    TITLE: { description: "By the track's title." },
    EXTERNAL_KEY: { description: "By the track's stable external key." },
    UPDATED_AT: { description: 'By when the track was last changed.' },
    CREATED_AT: { description: 'By when the track was entered in the catalogue.' },
  },
});

/** What a catalogue import did, or would do, with one row of the file. */
export enum CatalogueImportOutcome {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}
registerEnumType(CatalogueImportOutcome, {
  name: 'CatalogueImportOutcome',
  description: 'What a catalogue import did (or, in a dry run, would do) with one row of the file.',
  valuesConfig: {
    CREATE: { description: 'No track or module has the key: the row creates one.' },
    UPDATE: { description: 'The row changes the track or module with its key.' },
    UNCHANGED: { description: 'The track or module with its key already reads exactly like the row.' },
    ERROR: { description: 'The row cannot be imported (see its errors); nothing in the file is imported.' },
  },
});

/** Which kind of catalogue item a row of an import file describes. */
export enum CatalogueItemKind {
  TRACK = 'TRACK',
  MODULE = 'MODULE',
}
registerEnumType(CatalogueItemKind, {
  name: 'CatalogueItemKind',
  description: 'Whether a row of a catalogue file is a learning track or one of its modules.',
  valuesConfig: {
    TRACK: { description: 'A learning track (lärandespår).' },
    MODULE: { description: 'A learning module (lärandemodul) of a track.' },
  },
});

// Files go out and come in the formats the cost shares export.
export { ExportFormat } from '../cost-share/cost-share.enums.js';
