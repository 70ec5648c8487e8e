import { describe, expect, it } from 'vitest';
import { ExportFormat } from './catalogue.enums.js';
import { parseMinutes, readCatalogueFile, UnreadableFile } from './catalogue-file.js';

describe('catalogue files', () => {
  it('reads estimated time in minutes, hours, or both, the Swedish way too', () => {
    expect(['90', '90 min', '1,5 h', '2 h', '1 h 30 min', '1:30', '2 timmar', ''].map(parseMinutes)).toEqual([
      90,
      90,
      90,
      120,
      90,
      90,
      120,
      null,
    ]);
    expect(parseMinutes('en halvtimme')).toBeUndefined();
  });

  it('understands Swedish headers and words, and names the column of a bad value', async () => {
    const csv = 'typ;nyckel;titel;status;delad\nspår;DEM;Demens;publicerad;nej\nmodul;DEM-1;;okänd;\n';
    const [track, module] = await readCatalogueFile(Buffer.from(csv), ExportFormat.CSV);
    expect(track).toMatchObject({ row: 2, kind: 'TRACK', key: 'DEM', errors: [] });
    expect(track!.fields.status).toBe('PUBLISHED');
    expect(module!.errors.map((error) => [error.column, error.code])).toEqual([
      ['track_key', 'REQUIRED'],
      ['title', 'REQUIRED'],
      ['status', 'INVALID'],
    ]);
  });

  it('refuses a file without the needed columns, or that is no workbook', async () => {
    await expect(readCatalogueFile(Buffer.from('name;other\nx;y\n'), ExportFormat.CSV)).rejects.toThrow(UnreadableFile);
    await expect(readCatalogueFile(Buffer.from('not a workbook'), ExportFormat.XLSX)).rejects.toThrow(UnreadableFile);
  });
});
