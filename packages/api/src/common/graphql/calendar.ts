/** Today's date in Sweden as YYYY-MM-DD: roles start and end on Swedish calendar days. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}
