/**
 * The calendar arithmetic of a cooperation agreement (samverkansavtal): a first period, then rolling until notice is
 * given; notice ends it `noticePeriodMonths` after the day it was given, and never before the first period ends.
 * Dates are Swedish calendar days as `YYYY-MM-DD` strings.
 */

export enum AgreementStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_FORCE = 'IN_FORCE',
  NOTICE_GIVEN = 'NOTICE_GIVEN',
  ENDED = 'ENDED',
}

export interface AgreementDates {
  startsOn: string;
  firstPeriodEndsOn: string;
  noticePeriodMonths: number;
  noticeGivenOn: string | null;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** `date` plus whole months; the 31st of a shorter month becomes its last day (2026-08-31 + 6 = 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toDate(target);
}

/** The last day the agreement is in force: null while it rolls on without notice. */
export function agreementEndsOn(dates: AgreementDates): string | null {
  if (!dates.noticeGivenOn) return null;
  // Notice given on 15 March with 12 months' notice: the last day is 14 March the year after.
  const afterNotice = toDate(new Date(toUtc(addMonths(dates.noticeGivenOn, dates.noticePeriodMonths)).getTime() - 86_400_000));
  return afterNotice > dates.firstPeriodEndsOn ? afterNotice : dates.firstPeriodEndsOn;
}

export function agreementStatusOn(dates: AgreementDates, on: string): AgreementStatus {
  if (on < dates.startsOn) return AgreementStatus.NOT_STARTED;
  const endsOn = agreementEndsOn(dates);
  if (endsOn && on > endsOn) return AgreementStatus.ENDED;
  if (dates.noticeGivenOn && on >= dates.noticeGivenOn) return AgreementStatus.NOTICE_GIVEN;
  return AgreementStatus.IN_FORCE;
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** How many days of `year` the agreement is in force (0 when none). */
export function daysInForce(dates: AgreementDates, year: number): number {
  const first = dates.startsOn > `${year}-01-01` ? dates.startsOn : `${year}-01-01`;
  const endsOn = agreementEndsOn(dates);
  const last = endsOn && endsOn < `${year}-12-31` ? endsOn : `${year}-12-31`;
  if (last < first) return 0;
  return (toUtc(last).getTime() - toUtc(first).getTime()) / 86_400_000 + 1;
}
