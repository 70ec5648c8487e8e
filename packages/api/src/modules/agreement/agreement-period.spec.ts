import { describe, expect, it } from 'vitest';
import { addMonths, agreementEndsOn, agreementStatusOn, AgreementStatus, daysInForce, daysInYear } from './agreement-period.js';

const agreement = { startsOn: '2023-01-01', firstPeriodEndsOn: '2025-12-31', noticePeriodMonths: 12, noticeGivenOn: null };

describe('agreement periods', () => {
  it('adds months, keeping the day or taking the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('rolls on without an end until notice is given; notice ends it the notice period later, not before the first period ends', () => {
    expect(agreementEndsOn(agreement)).toBeNull();
    expect(agreementEndsOn({ ...agreement, noticeGivenOn: '2026-03-15' })).toBe('2027-03-14');
    expect(agreementEndsOn({ ...agreement, noticeGivenOn: '2024-06-01' })).toBe('2025-12-31');
  });

  it('answers its status on a day', () => {
    const noticed = { ...agreement, noticeGivenOn: '2026-03-15' };
    expect(agreementStatusOn(agreement, '2022-12-31')).toBe(AgreementStatus.NOT_STARTED);
    expect(agreementStatusOn(agreement, '2030-01-01')).toBe(AgreementStatus.IN_FORCE);
    expect(agreementStatusOn(noticed, '2026-03-14')).toBe(AgreementStatus.IN_FORCE);
    expect(agreementStatusOn(noticed, '2026-03-15')).toBe(AgreementStatus.NOTICE_GIVEN);
    expect(agreementStatusOn(noticed, '2027-03-14')).toBe(AgreementStatus.NOTICE_GIVEN);
    expect(agreementStatusOn(noticed, '2027-03-15')).toBe(AgreementStatus.ENDED);
  });

  it('counts the days of a year it is in force', () => {
    expect(daysInYear(2024)).toBe(366);
    expect(daysInForce(agreement, 2022)).toBe(0);
    expect(daysInForce(agreement, 2023)).toBe(365);
    expect(daysInForce({ ...agreement, startsOn: '2023-07-01' }, 2023)).toBe(184);
    // Notice on 1 July 2026 with 12 months: in force until 30 June 2027, 181 days of 2027.
    expect(daysInForce({ ...agreement, noticeGivenOn: '2026-07-01' }, 2027)).toBe(181);
    expect(daysInForce({ ...agreement, noticeGivenOn: '2026-07-01' }, 2028)).toBe(0);
  });
});
