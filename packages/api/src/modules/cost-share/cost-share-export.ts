import ExcelJS from 'exceljs';
import type { CostShareYearView } from './cost-share.service.js';
import { ExportFormat } from './cost-share.enums.js';

export type ExportLanguage = 'sv' | 'en';

const HEADERS: Record<ExportLanguage, string[]> = {
  sv: ['Organisation', 'Del', 'Invånare eller vikt', 'Andel av året', 'Nyckelandel', 'Exakt andel (kr)', 'Avrundning (kr)', 'Belopp (kr)'],
  en: [
    'Organisation',
    'Part',
    'Population or weight',
    'Part of the year',
    'Key share',
    'Exact share (SEK)',
    'Rounding (SEK)',
    'Amount (SEK)',
  ],
};
const GROUPS: Record<ExportLanguage, Record<string, string>> = {
  sv: { REGION: 'Region (15 %)', MUNICIPALITIES: 'Kommuner (85 %)' },
  en: { REGION: 'Region (15 %)', MUNICIPALITIES: 'Municipalities (85 %)' },
};
const TITLE: Record<ExportLanguage, (year: number) => string> = {
  sv: (year) => `Kostnadsfördelning ${year}`,
  en: (year) => `Cost shares ${year}`,
};
const TOTAL: Record<ExportLanguage, string> = { sv: 'Summa', en: 'Total' };

export interface ExportedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A year's cost shares as a workbook or a Swedish-Excel CSV (semicolons, UTF-8 with BOM): one row per member and a total. */
export async function exportCostShares(view: CostShareYearView, format: ExportFormat, language: ExportLanguage): Promise<ExportedFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TITLE[language](view.entity.year));
  sheet.addRow(HEADERS[language]).font = { bold: true };
  for (const row of view.rows) {
    sheet.addRow([
      row.name,
      GROUPS[language][row.group],
      row.keyValue,
      round(row.participation, 6),
      round(row.keyShare, 8),
      round(row.exactShare, 2),
      row.rounding,
      row.amount,
    ]);
  }
  sheet.addRow([TOTAL[language], '', '', '', '', '', '', view.rows.reduce((sum, row) => sum + row.amount, 0)]).font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 32 : 18));
  const base = `${language === 'sv' ? 'kostnadsfordelning' : 'cost-shares'}-${view.entity.year}`;
  if (format === ExportFormat.XLSX) {
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
  const csv = await workbook.csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } });
  return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(csv) };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
