import type { Caller } from '@eq/shared';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The registry runs on the system clock, by which a test's school year may be past its learner
 * counts' deadline: the ministry (OFFICER) reopens it for a day, so the test can prepare counts
 * and lock the year itself once they are in.
 */
export async function reopenSchoolYearForADay(
  data: (query: string, variables: Record<string, unknown>, caller: Caller) => Promise<unknown>,
  schoolYear: string,
  officer: Caller,
): Promise<void> {
  await data(
    /* GraphQL */ `
      mutation TestReopenSchoolYear($input: ReopenSchoolYearInput!) {
        reopenSchoolYear(input: $input) {
          schoolYear {
            acceptsChanges
          }
        }
      }
    `,
    { input: { schoolYear, until: new Date(Date.now() + DAY).toISOString(), reason: 'End-to-end test: counts prepared late' } },
    officer,
  );
}
