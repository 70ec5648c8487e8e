import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { normaliseText, textProblem, TextKind } from '../../platform/text.js';
import { StaffImportFormat } from './staff.enums.js';
import { StaffErrors } from './staff.errors.js';

/** The canonical fields of a staff file. */
export type StaffField = 'firstName' | 'lastName' | 'email' | 'employeeNumber' | 'workplace' | 'title' | 'startsOn' | 'endsOn';

/** A row of the file: the cells of the known columns, normalised (trimmed, NFC); empty cells are null. */
export interface StaffFileRow {
  /** As a spreadsheet shows it: the header is row 1. */
  rowNumber: number;
  values: Partial<Record<StaffField, string | null>>;
  /** Cells that are not one line of visible text, by field. */
  badText: Partial<Record<StaffField, string>>;
}

export interface StaffFile {
  /** The header of each known column, as written in the file. */
  columns: Partial<Record<StaffField, string>>;
  rows: StaffFileRow[];
}

export const MAX_STAFF_ROWS = 20_000;

/** Headers as HR systems write them, Swedish and English, compared without case, accents, spaces or punctuation. */
const HEADERS: Record<StaffField, string[]> = {
  firstName: ['fornamn', 'tilltalsnamn', 'firstname', 'givenname'],
  lastName: ['efternamn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'epostadress', 'mejl', 'mejladress', 'email', 'emailaddress', 'mail'],
  employeeNumber: ['anstallningsnummer', 'anstnr', 'anstallningsnr', 'anstallningsid', 'employeenumber', 'employeeno', 'employeeid'],
  workplace: ['arbetsplats', 'arbetsplatsnamn', 'arbetsstalle', 'enhet', 'workplace', 'workplacename', 'unit'],
  title: ['befattning', 'titel', 'yrkestitel', 'title', 'jobtitle', 'position'],
  startsOn: ['fran', 'franochmed', 'fr', 'fom', 'startdatum', 'anstalldfran', 'from', 'startdate', 'startson', 'validfrom'],
  endsOn: ['till', 'tillochmed', 'tom', 'slutdatum', 'anstalldtill', 'until', 'to', 'enddate', 'endson', 'validto'],
};
const FIELD_OF_HEADER = new Map<string, StaffField>(
  Object.entries(HEADERS).flatMap(([field, names]) => names.map((name) => [name, field as StaffField])),
);

function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Reads a staff file into rows of its known columns; a file that cannot be read is a typed error on `file`. */
export async function readStaffFile(base64: string, format: StaffImportFormat): Promise<StaffFile> {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw StaffErrors.badFile('The file must be base64-encoded.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw StaffErrors.badFile('The file is empty.');
  const table = format === StaffImportFormat.XLSX ? await xlsxTable(bytes) : csvTable(bytes);
  return toStaffFile(table);
}

/** Text of a CSV file: UTF-8 (a byte-order mark is dropped), else Windows-1252, as Swedish Excel saves "CSV". */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function csvTable(bytes: Buffer): string[][] {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw StaffErrors.badFile(`The CSV file cannot be read: ${(error as Error).message}`);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw StaffErrors.badFile('The file is not an XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw StaffErrors.badFile('The workbook has no worksheet.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(table, (cells) => cells ?? []);
}

function toStaffFile(table: string[][]): StaffFile {
  const header = table[0];
  if (!header || header.every((cell) => cell.trim() === '')) throw StaffErrors.badFile('The file has no header row.');
  const columns: Partial<Record<StaffField, string>> = {};
  const indexOf: Partial<Record<StaffField, number>> = {};
  header.forEach((cell, index) => {
    const field = FIELD_OF_HEADER.get(headerKey(cell));
    if (!field) return;
    if (indexOf[field] !== undefined) throw StaffErrors.badFile(`The columns "${columns[field]}" and "${cell.trim()}" both hold ${field}.`);
    indexOf[field] = index;
    columns[field] = cell.trim();
  });
  const missing = (['firstName', 'lastName', 'workplace', 'startsOn'] as const).filter((field) => indexOf[field] === undefined);
  if (missing.length > 0)
    throw StaffErrors.badFile(`Columns missing: ${missing.map((field) => HEADERS[field][0]).join(', ')} (or their English names).`);
  if (indexOf.email === undefined && indexOf.employeeNumber === undefined)
    throw StaffErrors.badFile('The file needs a column E-post (email) or Anställningsnummer (employee number).');

  const rows: StaffFileRow[] = [];
  table.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const row: StaffFileRow = { rowNumber: index + 2, values: {}, badText: {} };
    for (const [field, column] of Object.entries(indexOf) as [StaffField, number][]) {
      const raw = cells[column] ?? '';
      const text = normaliseText(raw, TextKind.SINGLE_LINE);
      const problem = text === '' ? null : textProblem(text, TextKind.SINGLE_LINE);
      if (problem) row.badText[field] = problem;
      row.values[field] = text === '' ? null : text;
    }
    rows.push(row);
  });
  if (rows.length > MAX_STAFF_ROWS)
    throw StaffErrors.badFile(`The file has ${rows.length} rows; at most ${MAX_STAFF_ROWS} are read at once.`);
  return { columns, rows };
}
