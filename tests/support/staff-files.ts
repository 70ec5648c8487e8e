import ExcelJS from 'exceljs';

/** A row of a staff file, by the Swedish headers HR systems export. */
export type StaffRow = Record<string, string | Date | null>;

export const STAFF_HEADERS = ['Förnamn', 'Efternamn', 'E-post', 'Anställningsnummer', 'Arbetsplats', 'Befattning', 'Från', 'Till'];

/** `count` staff spread over the workplaces, with employee numbers and addresses made from `prefix`. */
export function staffRows(count: number, workplaces: string[], prefix = 'a'): StaffRow[] {
  const titles = ['Undersköterska', 'Vårdbiträde', 'Sjuksköterska', 'Stödassistent'];
  const firstNames = ['Åsa', 'Örjan', 'Anna', 'Erik', 'Lena', 'Mohammed', 'Sara', 'Ärla'];
  return Array.from({ length: count }, (_, index) => ({
    Förnamn: firstNames[index % firstNames.length]!,
    Efternamn: `Nilsson${index}`,
    'E-post': `${prefix}.staff${index}@example.se`,
    Anställningsnummer: `${prefix.toUpperCase()}${String(index).padStart(5, '0')}`,
    Arbetsplats: workplaces[index % workplaces.length]!,
    Befattning: titles[index % titles.length]!,
    Från: '2024-01-01',
    Till: null,
  }));
}

function cell(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A semicolon-separated CSV with a byte-order mark, as Swedish Excel saves it, base64-encoded. */
export function staffCsv(rows: StaffRow[], headers = STAFF_HEADERS): string {
  const lines = [headers.join(';'), ...rows.map((row) => headers.map((header) => cell(row[header])).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

/** An XLSX workbook of the rows (dates as date cells), base64-encoded. */
export async function staffXlsx(rows: StaffRow[], headers = STAFF_HEADERS): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personal');
  sheet.addRow(headers);
  for (const row of rows)
    sheet.addRow(
      headers.map((header) => {
        const value = row[header];
        if ((header === 'Från' || header === 'Till') && typeof value === 'string' && value) return new Date(`${value}T00:00:00Z`);
        return value ?? null;
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
