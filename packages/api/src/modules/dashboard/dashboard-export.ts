import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';
import type { DashboardExportRow } from './dashboard.repository.js';

export type DashboardExportFormat = 'xlsx' | 'csv';
export type DashboardExportLanguage = 'sv' | 'en';

const TEXTS: Record<DashboardExportLanguage, { area: string; organisationNumber: string; month: string; county: string; sheet: string }> = {
  sv: { area: 'Område', organisationNumber: 'Organisationsnummer', month: 'Månad', county: 'Hela länet', sheet: 'Instrumentpanel' },
  en: { area: 'Area', organisationNumber: 'Organisation number', month: 'Month', county: 'The county', sheet: 'Dashboard' },
};

/** Reads the rows in batches, handing each batch to `onRows` before reading the next. */
export type RowSource = (onRows: (rows: DashboardExportRow[]) => Promise<void>) => Promise<void>;

/**
 * Writes the dashboard's rows to `out` as they are read: a CSV as Swedish Excel opens it (semicolons, UTF-8 with a
 * byte-order mark) through csv-stringify, or a workbook through ExcelJS's streaming writer, which commits each row
 * as it comes. Nothing but the current batch is held in memory. Ends `out`.
 */
export async function writeDashboardExport(
  out: Writable,
  format: DashboardExportFormat,
  language: DashboardExportLanguage,
  series: DashboardSeriesProvider[],
  read: RowSource,
): Promise<void> {
  const texts = TEXTS[language];
  const header = [texts.area, texts.organisationNumber, texts.month, ...series.map((provider) => provider.label[language])];
  const cells = (row: DashboardExportRow) => [row.organisationName ?? texts.county, row.organisationNumber ?? '', row.month, ...row.values];

  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(texts.sheet);
    sheet.columns = header.map((_title, index) => ({ width: index === 0 ? 32 : 18 }));
    const headerRow = sheet.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    await read(async (rows) => {
      for (const row of rows) sheet.addRow(cells(row)).commit();
    });
    sheet.commit();
    await workbook.commit();
    return;
  }

  const csv = stringify({ delimiter: ';', bom: true });
  csv.pipe(out);
  const write = async (values: (string | number)[]) => {
    if (!csv.write(values)) await once(csv, 'drain');
  };
  await write(header);
  await read(async (rows) => {
    for (const row of rows) await write(cells(row));
  });
  csv.end();
  await once(out, 'finish');
}
