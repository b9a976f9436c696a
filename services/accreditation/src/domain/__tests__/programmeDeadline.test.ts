import { describe, expect, it } from '@jest/globals';
import { isDeadlineNear, programmeAccreditationDeadline } from '../programmeDeadline';

describe('a new programme’s accreditation deadline', () => {
  it('falls on the last day of the two years from its start', () => {
    expect(programmeAccreditationDeadline('2023-09-01', '2025-08-01', 2)).toStrictEqual({
      startedOn: '2023-09-01',
      accreditationDueBy: '2025-08-31',
      daysLeft: 30,
      overdue: false,
    });
  });

  it('is overdue the day after, with negative days left', () => {
    expect(programmeAccreditationDeadline('2023-09-01', '2025-09-01', 2)).toMatchObject({ daysLeft: -1, overdue: true });
    expect(programmeAccreditationDeadline('2023-09-01', '2025-08-31', 2)).toMatchObject({ daysLeft: 0, overdue: false });
  });

  it('follows the configured number of years and 29 February', () => {
    expect(programmeAccreditationDeadline('2024-02-29', '2024-03-01', 3).accreditationDueBy).toBe('2027-02-28');
  });

  it('is near when within the given days, or past', () => {
    const deadline = programmeAccreditationDeadline('2023-09-01', '2025-08-01', 2);
    expect(isDeadlineNear(deadline, '2025-08-01', 29)).toBe(false);
    expect(isDeadlineNear(deadline, '2025-08-01', 30)).toBe(true);
    expect(isDeadlineNear(programmeAccreditationDeadline('2020-01-01', '2025-08-01', 2), '2025-08-01', 0)).toBe(true);
  });
});
