import type { PortalLanguage } from '@evikomp/portal-shared';

/** Dates and times as people in Sweden read them: Swedish time (Europe/Stockholm), Swedish formats (or British English ones). */
const ZONE = 'Europe/Stockholm';
const tag = (language: PortalLanguage | string) => (language === 'en' ? 'en-GB' : 'sv-SE');
const SIX_DAYS_MS = 6 * 86_400_000;

/** "3 december 2026 kl. 14:00". */
export function formatDateTime(iso: string, language: PortalLanguage | string): string {
  return new Intl.DateTimeFormat(tag(language), { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}

/** "3 december 2026". */
export function formatDate(iso: string, language: PortalLanguage | string): string {
  return new Intl.DateTimeFormat(tag(language), { dateStyle: 'long', timeZone: ZONE }).format(new Date(iso));
}

/** Until when an offer holds: "torsdag 14:00" within the coming week, else "torsdag 3 december kl. 14:00". */
export function formatOfferExpiry(iso: string, language: PortalLanguage | string, now: Date = new Date()): string {
  const at = new Date(iso);
  const soon = at.getTime() - now.getTime() < SIX_DAYS_MS;
  return new Intl.DateTimeFormat(tag(language), {
    weekday: 'long',
    ...(soon ? {} : { day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
  }).format(at);
}
