import ExcelJS from 'exceljs';
import { daysInMonth, hoursOf, monthName } from './learning-month.js';
import type { FunderDayRow } from './learning-session.repository.js';

export type ReportLanguage = 'sv' | 'en';

export interface FunderReportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const HEADERS: Record<ReportLanguage, { name: string; organisationNumber: string; identityNumber: string; total: string; title: string }> =
  {
    sv: {
      name: 'Deltagare',
      organisationNumber: 'Arbetsgivarens organisationsnummer',
      identityNumber: 'Personnummer',
      total: 'Summa timmar',
      title: 'Närvaro',
    },
    en: {
      name: 'Participant',
      organisationNumber: "Employer's organisation number",
      identityNumber: 'Personal identity number',
      total: 'Total hours',
      title: 'Attendance',
    },
  };

/**
 * The funder's participant attendance report of a project and month: one row per participant and employer, the
 * employer's organisation number, the personal identity number, the attested hours of each day, and the total.
 */
export async function buildFunderReport(options: {
  funderReference: string;
  month: string;
  days: FunderDayRow[];
  identityNumbers: Map<string, string>;
  language: ReportLanguage;
}): Promise<FunderReportFile> {
  const { month, language } = options;
  const labels = HEADERS[language];
  const dayCount = daysInMonth(month);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${labels.title} ${month}`);
  sheet.addRow([`${options.funderReference}: ${monthName(month, language)}`]).font = { bold: true };
  const dayNumbers = Array.from({ length: dayCount }, (_, index) => index + 1);
  sheet.addRow([labels.name, labels.organisationNumber, labels.identityNumber, ...dayNumbers.map(String), labels.total]).font = {
    bold: true,
  };
  const rows = new Map<string, { first: FunderDayRow; minutes: number[] }>();
  for (const day of options.days) {
    const key = `${day.person_id}|${day.organisation_number}`;
    const row = rows.get(key) ?? { first: day, minutes: new Array<number>(dayCount).fill(0) };
    row.minutes[Number(day.held_on.slice(8, 10)) - 1]! += day.minutes;
    rows.set(key, row);
  }
  for (const { first, minutes } of rows.values()) {
    sheet.addRow([
      `${first.last_name}, ${first.first_name}`,
      first.organisation_number,
      options.identityNumbers.get(first.person_id) ?? null,
      ...minutes.map((value) => (value > 0 ? hoursOf(value) : null)),
      hoursOf(minutes.reduce((sum, value) => sum + value, 0)),
    ]);
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 18;
  sheet.getColumn(3).width = 18;
  const base = `${language === 'sv' ? 'narvaro' : 'attendance'}-${options.funderReference.replace(/[^A-Za-z0-9-]+/g, '_')}-${month}`;
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
