import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { normaliseText, textProblem, TextKind } from '../../platform/text.js';
import { CatalogueItemKind, CatalogueStatus, ExportFormat } from './catalogue.enums.js';
import { EXTERNAL_KEY, LANGUAGE_CODE, MAX_MINUTES, TEXT_LIMITS } from './catalogue.inputs.js';

/**
 * The catalogue's file format, the same for export and import (CSV or the first sheet of a workbook): a header
 * row, then one row per track, each followed by its modules' rows. Headers are the machine names below (Swedish
 * ones are understood too), so a file exported and imported again changes nothing.
 */
export const COLUMNS = [
  'kind',
  'key',
  'track_key',
  'title',
  'description',
  'target_group',
  'estimated_minutes',
  'languages',
  'status',
  'owner',
  'organisation_number',
  'shared',
] as const;
export type Column = (typeof COLUMNS)[number];

const HEADER_ALIASES: Record<string, Column> = {
  typ: 'kind',
  nyckel: 'key',
  spår: 'track_key',
  spårnyckel: 'track_key',
  titel: 'title',
  beskrivning: 'description',
  målgrupp: 'target_group',
  estimated_time: 'estimated_minutes',
  tid: 'estimated_minutes',
  'beräknad tid': 'estimated_minutes',
  språk: 'languages',
  ägare: 'owner',
  organisationsnummer: 'organisation_number',
  delad: 'shared',
};

const KINDS: Record<string, CatalogueItemKind> = {
  track: CatalogueItemKind.TRACK,
  spår: CatalogueItemKind.TRACK,
  module: CatalogueItemKind.MODULE,
  modul: CatalogueItemKind.MODULE,
};
const STATUSES: Record<string, CatalogueStatus> = {
  draft: CatalogueStatus.DRAFT,
  utkast: CatalogueStatus.DRAFT,
  published: CatalogueStatus.PUBLISHED,
  publicerad: CatalogueStatus.PUBLISHED,
  retired: CatalogueStatus.RETIRED,
  avslutad: CatalogueStatus.RETIRED,
};
const YES = new Set(['yes', 'ja', 'true', '1', 'x']);
const NO = new Set(['', 'no', 'nej', 'false', '0']);

export interface RowError {
  column: Column | null;
  code: 'INVALID' | 'REQUIRED' | 'DUPLICATE' | 'NOT_FOUND' | 'CONFLICT';
  message: string;
}

export interface CatalogueItemFields {
  title: string;
  description: string;
  targetGroup: string;
  estimatedMinutes: number | null;
  languages: string[];
  status: CatalogueStatus;
  owner: string;
}

/** One row of a file as read: its values checked one by one (what needs the database is checked later). */
export interface CatalogueRow {
  row: number;
  kind: CatalogueItemKind | null;
  key: string;
  trackKey: string;
  fields: CatalogueItemFields;
  organisationNumber: string;
  shared: boolean;
  errors: RowError[];
}

export class UnreadableFile extends Error {}

/** The rows of a file; throws UnreadableFile when it is no CSV or workbook, or lacks a needed column. */
export async function readCatalogueFile(content: Buffer, format: ExportFormat): Promise<CatalogueRow[]> {
  const table = format === ExportFormat.XLSX ? await readWorkbook(content) : readCsv(content);
  const [header, ...body] = table;
  if (!header) throw new UnreadableFile('the file is empty.');
  const columns = header.map((name) => {
    const key = name.trim().toLowerCase();
    return (COLUMNS as readonly string[]).includes(key) ? (key as Column) : (HEADER_ALIASES[key] ?? null);
  });
  for (const needed of ['kind', 'key', 'title'] as const)
    if (!columns.includes(needed)) throw new UnreadableFile(`the header row has no column "${needed}".`);
  return body
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .map(({ cells, row }) => {
      const values = Object.fromEntries(COLUMNS.map((column) => [column, ''])) as Record<Column, string>;
      columns.forEach((column, index) => {
        if (column) values[column] = cells[index] ?? '';
      });
      return checkRow(row, values);
    });
}

function readCsv(content: Buffer): string[][] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new UnreadableFile(`it is not CSV (${(error as Error).message}).`);
  }
}

async function readWorkbook(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('it is not an Excel workbook (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('the workbook has no sheet.');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, COLUMNS.length); column += 1) cells.push(row.getCell(column).text ?? '');
    rows[number - 1] = cells;
  });
  return Array.from(rows, (cells) => cells ?? []);
}

/** Minutes from "90", "90 min", "1,5 h", "2 h 30 min" or "1:30"; null when empty, undefined when unreadable. */
export function parseMinutes(text: string): number | null | undefined {
  const value = text.trim().toLowerCase().replace(',', '.');
  if (value === '') return null;
  const clock = /^(\d+):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const parts = /^(?:(\d+(?:\.\d+)?)\s*(?:h|tim|timmar|timme|hours?))?\s*(?:(\d+)\s*(?:min|minuter|minutes?)?)?$/.exec(value);
  if (!parts || (parts[1] === undefined && parts[2] === undefined)) return undefined;
  const minutes = Math.round(Number(parts[1] ?? 0) * 60) + Number(parts[2] ?? 0);
  return Number.isFinite(minutes) ? minutes : undefined;
}

function checkRow(row: number, raw: Record<Column, string>): CatalogueRow {
  const errors: RowError[] = [];
  const text = (column: Column, kind = TextKind.SINGLE_LINE): string => {
    const value = normaliseText(raw[column], kind);
    const problem = value === '' ? null : textProblem(value, kind);
    if (problem) errors.push({ column, code: 'INVALID', message: problem });
    return value;
  };
  const limit = (column: Column, value: string, max: number) => {
    if (value.length > max) errors.push({ column, code: 'INVALID', message: `At most ${max} characters (this has ${value.length}).` });
  };

  const kindText = text('kind').toLowerCase();
  const kind = KINDS[kindText] ?? null;
  if (!kind)
    errors.push(
      kindText === ''
        ? { column: 'kind', code: 'REQUIRED', message: 'Say whether the row is a track or a module.' }
        : { column: 'kind', code: 'INVALID', message: `"${kindText}" is neither "track" nor "module".` },
    );
  const key = text('key');
  if (key === '') errors.push({ column: 'key', code: 'REQUIRED', message: 'Every row needs its external key.' });
  else if (!EXTERNAL_KEY.test(key))
    errors.push({ column: 'key', code: 'INVALID', message: 'A key has letters, digits, dots, dashes and underscores, at most 64.' });
  const trackKey = text('track_key');
  if (kind === CatalogueItemKind.MODULE && trackKey === '')
    errors.push({ column: 'track_key', code: 'REQUIRED', message: 'A module names the key of its track.' });

  const title = text('title');
  if (title === '') errors.push({ column: 'title', code: 'REQUIRED', message: 'Every track and module needs a title.' });
  limit('title', title, TEXT_LIMITS.title);
  const description = text('description', TextKind.MULTI_LINE);
  limit('description', description, TEXT_LIMITS.description);
  const targetGroup = text('target_group');
  limit('target_group', targetGroup, TEXT_LIMITS.targetGroup);
  const owner = text('owner');
  limit('owner', owner, TEXT_LIMITS.owner);

  const minutes = parseMinutes(text('estimated_minutes'));
  if (minutes === undefined)
    errors.push({ column: 'estimated_minutes', code: 'INVALID', message: 'Write minutes (90), or hours and minutes (1,5 h; 1 h 30 min).' });
  else if (minutes !== null && (minutes < 1 || minutes > MAX_MINUTES))
    errors.push({ column: 'estimated_minutes', code: 'INVALID', message: `Between 1 and ${MAX_MINUTES} minutes.` });

  const languages = [
    ...new Set(
      text('languages')
        .split(/[,\s]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const badLanguage = languages.find((code) => !LANGUAGE_CODE.test(code));
  if (badLanguage)
    errors.push({ column: 'languages', code: 'INVALID', message: `"${badLanguage}" is no ISO 639 language code (e.g. sv, en).` });

  const statusText = text('status').toLowerCase();
  const status = statusText === '' ? CatalogueStatus.DRAFT : STATUSES[statusText];
  if (!status) errors.push({ column: 'status', code: 'INVALID', message: `"${statusText}" is none of draft, published, retired.` });

  const organisationNumber = text('organisation_number');
  const sharedText = text('shared').toLowerCase();
  if (!YES.has(sharedText) && !NO.has(sharedText))
    errors.push({ column: 'shared', code: 'INVALID', message: `"${sharedText}" is neither yes nor no.` });
  const shared = YES.has(sharedText);
  if (kind === CatalogueItemKind.TRACK && shared && organisationNumber === '')
    errors.push({ column: 'shared', code: 'CONFLICT', message: 'Only a co-created track (with an organisation number) is shared.' });

  return {
    row,
    kind,
    key,
    trackKey,
    fields: {
      title,
      description,
      targetGroup,
      estimatedMinutes: minutes ?? null,
      languages,
      status: status ?? CatalogueStatus.DRAFT,
      owner,
    },
    organisationNumber,
    shared,
    errors,
  };
}

/** A row of an export, in the order of COLUMNS. */
export type ExportRow = Record<Column, string | number>;

export async function writeCatalogueFile(rows: ExportRow[], format: ExportFormat): Promise<Buffer> {
  if (format === ExportFormat.CSV) {
    const csv = stringify([[...COLUMNS], ...rows.map((row) => COLUMNS.map((column) => row[column]))], { delimiter: ';' });
    return Buffer.from(`\uFEFF${csv}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lärandekatalog');
  sheet.addRow([...COLUMNS]).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((column) => row[column]));
  sheet.columns.forEach((column, index) => (column.width = [3, 4, 5].includes(index) ? 40 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
