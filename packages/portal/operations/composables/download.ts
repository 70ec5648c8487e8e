/** Saves a file carried base64-encoded in a GraphQL response. */
export function downloadFile(file: { fileName: string; contentType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (character) => character.charCodeAt(0));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Minutes as people read them: "45 min", "1 h 30 min". */
export function formatMinutes(minutes: number | null | undefined, t: (key: string, values: Record<string, unknown>) => string): string {
  if (minutes === null || minutes === undefined) return '–';
  if (minutes < 60) return t('catalogue.minutes', { n: minutes });
  return t('catalogue.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}
