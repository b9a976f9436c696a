import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createLogger, Role, todayInLatvia, type Caller } from '@eq/shared';
import { loadSiteConfig, startSite, type RunningSite } from '@eq/site';
import { semesterOf } from '../services/catalogue/src/domain/semesters';
import {
  activityInput,
  CREATE_ACTIVITY,
  futureWednesday,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SUBMIT_ACTIVITY,
} from '../services/catalogue/test/catalogueOperations';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { reopenSchoolYearForADay } from './support/reopenSchoolYear';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from './support/testStack';

/*
 * The school area in a real browser against the whole stack: two schools registered in the
 * register with locked learner counts, one published activity with a session, and the site with
 * its development sign-in (it mints the chosen school's token with the gateway's secret).
 */

const silent = createLogger('site', 'silent');
const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-site-school' };
const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin-site-school' };
const MUNICIPALITY: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-site-school' };
const schoolCaller = (institutionId: string): Caller => ({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId}` });
const GRADES = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
const TITLE = 'Saules enerģijas laboratorija';
const SMALL_TITLE = 'Mazā vēja laboratorija';
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } } }`;
/** Money as the site writes it (lv-LV: `2 400,00 €`). */
const euros = (amount: number) => new Intl.NumberFormat('lv-LV', { style: 'currency', currency: 'EUR' }).format(amount);
const SCHOOL_BOOKINGS = `query($id: ID!) { institution(id: $id) { bookings { id grade pupils status } } }`;

describe('the school area of the site: a school signs in, books, sees and cancels its bookings', () => {
  let stack: TestStack;
  let site: RunningSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let activityId: string;
  let smallActivityId: string;
  let smallSessionId: string;
  const schools = { own: '', other: '' };
  const sessionStart = futureWednesday();
  const { schoolYear } = semesterOf(todayInLatvia(sessionStart));

  const data = async (query: string, variables: Record<string, unknown>, caller: Caller) =>
    stack.client.data(query, variables, await stack.client.token(caller));

  /** Registers a school whose counts (60 pupils in grade 7) the school confirms and Rīga approves. */
  async function schoolWithCounts(name: string): Promise<string> {
    const id = (await data(REGISTER, { input: institutionInput({ name, type: 'SECONDARY_SCHOOL' }) }, OFFICER)).registerInstitution
      .institution.id;
    const counts = Object.fromEntries(GRADES.map((key) => [key, key === 'grade7' ? 60 : 0]));
    const saved = await data(
      'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }',
      { input: { institutionId: id, schoolYear, counts } },
      schoolCaller(id),
    );
    const reportId = saved.saveLearnerCountReport.report.id;
    await data('mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }', { id: reportId }, schoolCaller(id));
    await data('mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }', { id: reportId }, MUNICIPALITY);
    return id;
  }

  beforeAll(async () => {
    stack = await startTestStack('siteSchool');
    await reopenSchoolYearForADay(data, schoolYear, OFFICER);
    schools.own = await schoolWithCounts('Ābeļu demo vidusskola (tests)');
    schools.other = await schoolWithCounts('Bērzu demo vidusskola (tests)');
    await data('mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedReportCount } }', { year: schoolYear }, OFFICER);
    await eventually(
      async () =>
        (
          await stack.services.catalogue!.db.query(
            `SELECT COUNT(DISTINCT institution_id)::int AS n FROM learner_count_report WHERE status = 'LOCKED' AND institution_id = ANY($1)`,
            [Object.values(schools)],
          )
        )[0].n,
      (locked) => locked === 2,
      { what: 'the locked learner counts to reach the catalogue' },
    );
    const providerId = (await data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Saules muzejs (tests)' } }, FUND_ADMIN))
      .registerProvider.provider.id;
    const provider: Caller = { role: Role.PROVIDER, providerId, subject: 'site-school-provider' };
    activityId = (await data(CREATE_ACTIVITY, { input: activityInput({ title: TITLE }) }, provider)).createActivity.activity.id;
    await data(
      SCHEDULE_SESSION,
      { input: { activityId, startsAt: sessionStart.toISOString(), place: 'Rīga, Braslas iela 16', capacity: 25 } },
      provider,
    );
    await data(SUBMIT_ACTIVITY, { input: { id: activityId } }, provider);
    await data(REVIEW_ACTIVITY, { input: { id: activityId, decision: 'PUBLISH' } }, FUND_ADMIN);
    // A second activity with one small session, for the waiting list.
    smallActivityId = (await data(CREATE_ACTIVITY, { input: activityInput({ title: SMALL_TITLE }) }, provider)).createActivity.activity.id;
    smallSessionId = (
      await data(
        SCHEDULE_SESSION,
        { input: { activityId: smallActivityId, startsAt: sessionStart.toISOString(), place: 'Rīga, Braslas iela 16', capacity: 5 } },
        provider,
      )
    ).scheduleSession.session.id;
    await data(SUBMIT_ACTIVITY, { input: { id: smallActivityId } }, provider);
    await data(REVIEW_ACTIVITY, { input: { id: smallActivityId, decision: 'PUBLISH' } }, FUND_ADMIN);
    site = await startSite(
      loadSiteConfig({ PORT: '0', GATEWAY_URL: stack.gatewayUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' }),
      silent,
    );
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'lv-LV' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await stack?.close();
  });

  const freePlaces = async () => {
    await page.goto(`${site.url}/norises/${activityId}`);
    return page.locator('table.sessions tbody tr td').nth(1).textContent();
  };
  const bookingRows = () => page.locator('table.bookings tbody tr');

  /** From the activity page to the booking form. */
  async function openBookingForm(): Promise<void> {
    await page.goto(`${site.url}/norises/${activityId}`);
    await page.getByRole('link', { name: /^Pieteikt grupu/ }).click();
    await page.waitForURL(/\/skola\/pieteikt\//);
  }

  /** What the booking form says grade 7 may still book, and the school's money left, before confirming. */
  async function fundingShown(): Promise<{ grade7Remaining: string | null; left: string | null }> {
    const row = page.locator('table.funding-grades tbody tr', { has: page.getByRole('rowheader', { name: '7. klase' }) });
    return { grade7Remaining: await row.locator('td').nth(2).textContent(), left: await page.locator('#atlicis').textContent() };
  }

  /** From the activity page to the booking form, then sends it. */
  async function bookFromActivityPage(grade: string, pupils: string): Promise<void> {
    await openBookingForm();
    await page.getByLabel('Klase').selectOption(grade);
    await page.getByLabel('Skolēnu skaits grupā').fill(pupils);
    await page.getByRole('button', { name: 'Apstiprināt pieteikumu' }).click();
  }

  it('signs in by choosing a demo school: the token sits in an HttpOnly, SameSite=Lax cookie', async () => {
    await page.goto(`${site.url}/norises/${activityId}`);
    await page.getByRole('link', { name: 'piesakieties kā skola' }).click();
    // The first list is the demo schools (their names say "demo"), the ones with counts to book from.
    expect(await page.getByLabel('Meklēt skolu pēc nosaukuma').inputValue()).toBe('demo');
    expect(await page.getByRole('button', { name: /^Pieteikties kā / }).count()).toBe(2);
    await page.getByLabel('Meklēt skolu pēc nosaukuma').fill('abelu demo');
    await page.getByRole('button', { name: 'Meklēt', exact: true }).click();
    await screenshot(page, 'site-school-sign-in');
    await page.getByRole('button', { name: 'Pieteikties kā Ābeļu demo vidusskola (tests)' }).click();
    await page.waitForURL(/\/skola\/pieteikumi$/);
    expect(await page.locator('.school-bar strong').textContent()).toBe('Ābeļu demo vidusskola (tests)');
    expect(await page.locator('main').textContent()).toContain('Skolai vēl nav pieteikumu.');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'eq_skola');
    expect([cookie?.httpOnly, cookie?.sameSite]).toEqual([true, 'Lax']);
  });

  it('books a group from the activity page after seeing its quota per grade and money, sees it in its bookings as the free places and the quota drop, and cancels it', async () => {
    expect(await freePlaces()).toBe('brīvas 25 vietas no 25');
    // Before confirming, the school sees its quota per grade and its money: 60 pupils × 4 activities, 60 × 4 × €10.
    await openBookingForm();
    expect(await fundingShown()).toEqual({ grade7Remaining: '240', left: euros(2_400) });
    await bookFromActivityPage('7', '10');
    await page.waitForURL(/\/skola\/pieteikumi\?pieteikts=/);
    expect(await page.getByRole('status').textContent()).toBe('Pieteikums apstiprināts.');
    expect(await bookingRows().count()).toBe(1);
    expect(await bookingRows().first().textContent()).toContain(TITLE);
    expect(await bookingRows().first().locator('.booking-status').textContent()).toBe('apstiprināts');
    await screenshot(page, 'site-school-bookings');
    expect(await freePlaces()).toBe('brīvas 15 vietas no 25');

    // The next booking form shows the quota and the money the booking used.
    await page.getByRole('link', { name: /^Pieteikt grupu/ }).click();
    expect(await fundingShown()).toEqual({ grade7Remaining: '230', left: euros(2_300) });
    await screenshot(page, 'site-school-booking-form');

    await page.goto(`${site.url}/skola/pieteikumi`);
    await page.getByRole('button', { name: new RegExp(`^Atcelt pieteikumu: ${TITLE}`) }).click();
    await page.waitForURL(/atcelts/);
    expect(await page.getByRole('status').textContent()).toBe('Pieteikums atcelts.');
    expect(await bookingRows().first().locator('.booking-status').textContent()).toBe('atcelts');
    expect(await page.getByRole('button', { name: /^Atcelt pieteikumu/ }).count()).toBe(0);
    expect(await freePlaces()).toBe('brīvas 25 vietas no 25');
    await openBookingForm();
    expect(await fundingShown()).toEqual({ grade7Remaining: '240', left: euros(2_400) });
  });

  it('explains each refusal in Latvian from its reason, on the form, keeping what was entered', async () => {
    await bookFromActivityPage('3', '10');
    expect(await page.getByRole('alert').textContent()).toBe(
      'Šī norise nav paredzēta izvēlētās klases skolēniem. Izvēlieties citu klasi vai citu norisi.',
    );
    expect(await page.getByLabel('Skolēnu skaits grupā').inputValue()).toBe('10');
    await bookFromActivityPage('7', '31');
    expect(await page.getByRole('alert').textContent()).toBe(
      'Grupa ir lielāka, nekā šajā norisē drīkst būt. Piesakiet mazāku grupu vai sadaliet to vairākās nodarbībās.',
    );
    await bookFromActivityPage('8', '5');
    expect(await page.getByRole('alert').textContent()).toContain('vairāk skolēnu, nekā skolas fiksētajos skolēnu skaita datos');
    await screenshot(page, 'site-school-refusal');
  });

  it('books only for the signed-in school: a forged institution field is ignored, and a form without the CSRF token changes nothing', async () => {
    await page.goto(`${site.url}/norises/${activityId}`);
    await page.getByRole('link', { name: /^Pieteikt grupu/ }).click();
    const form = page.locator('form.booking-form');
    // The test, not the site, runs this script: it adds what a hostile page would send.
    await form.evaluate((element, other) => {
      const field = (globalThis as any).document.createElement('input');
      Object.assign(field, { type: 'hidden', name: 'institutionId', value: other });
      element.appendChild(field);
    }, schools.other);
    await page.getByLabel('Skolēnu skaits grupā').fill('4');
    await page.getByRole('button', { name: 'Apstiprināt pieteikumu' }).click();
    await page.waitForURL(/pieteikts=/);
    const own = (await data(SCHOOL_BOOKINGS, { id: schools.own }, schoolCaller(schools.own))).institution.bookings;
    expect(own.filter((booking: { status: string }) => booking.status === 'CONFIRMED').map((b: { pupils: number }) => b.pupils)).toEqual([
      4,
    ]);
    expect((await data(SCHOOL_BOOKINGS, { id: schools.other }, schoolCaller(schools.other))).institution.bookings).toEqual([]);

    // The session cookie alone does not book: the form must carry the session's token.
    const cookie = (await context.cookies()).find((c) => c.name === 'eq_skola')!;
    const sessionId = await firstSessionId();
    const forged = await fetch(`${site.url}/skola/pieteikt/${sessionId}`, {
      method: 'POST',
      headers: { cookie: `eq_skola=${cookie.value}`, origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grade: '7', pupils: '2', csrf: 'guessed' }).toString(),
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Forma ir novecojusi vai nav nosūtīta no šīs vietnes');
    // A form posted from another site is refused by its Origin before anything else.
    const crossSite = await fetch(`${site.url}/skola/pieteikt/${sessionId}`, {
      method: 'POST',
      headers: { cookie: `eq_skola=${cookie.value}`, origin: 'https://example.org', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grade: '7', pupils: '2' }).toString(),
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Forma nav nosūtīta no šīs vietnes');
    expect((await data(SCHOOL_BOOKINGS, { id: schools.own }, schoolCaller(schools.own))).institution.bookings).toHaveLength(own.length);
  });

  /** The session's id, from the booking link on the activity page. */
  async function firstSessionId(): Promise<string> {
    await page.goto(`${site.url}/norises/${activityId}`);
    const href = await page.getByRole('link', { name: /^Pieteikt grupu/ }).getAttribute('href');
    return href!.split('/').pop()!;
  }

  it('puts a booking of a full session on the waiting list and shows its position', async () => {
    await data(BOOK, { input: { sessionId: smallSessionId, grade: 7, pupils: 5 } }, schoolCaller(schools.own));
    await page.goto(`${site.url}/skola/pieteikt/${smallSessionId}`);
    expect(await page.locator('main').textContent()).toContain('Brīvu vietu nav: pieteikums nonāks gaidīšanas rindā.');
    await page.getByLabel('Skolēnu skaits grupā').fill('3');
    await page.getByRole('button', { name: 'Apstiprināt pieteikumu' }).click();
    await page.waitForURL(/pieteikts=/);
    expect(await page.getByRole('status').textContent()).toBe('Brīvu vietu nav: pieteikums ir gaidīšanas rindā, 1. vietā.');
    const waiting = bookingRows().filter({ hasText: SMALL_TITLE }).filter({ hasText: '3 skolēni' });
    expect(await waiting.locator('.booking-status').textContent()).toBe('rindā, 1. vietā');
    await screenshot(page, 'site-school-waiting');
  });

  it("serves the school's calendar at its unguessable address, which calendar apps fetch without the cookie", async () => {
    await page.goto(`${site.url}/skola/pieteikumi`);
    const address = (await page.locator('a.calendar-url').getAttribute('href'))!;
    const calendar = await fetch(address);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await calendar.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Saules enerģijas laboratorija');
    const otherSchool = address.replace(schools.own, schools.other);
    expect((await fetch(otherSchool)).status).toBe(404);
  });

  it("keeps a signed-in school's pages out of shared caches, and the activity page varies by the cookie", async () => {
    const cookie = (await context.cookies()).find((c) => c.name === 'eq_skola')!;
    const mine = await fetch(`${site.url}/skola/pieteikumi`, { headers: { cookie: `eq_skola=${cookie.value}` } });
    expect([mine.status, mine.headers.get('cache-control')]).toEqual([200, 'private, no-store']);
    const activity = await fetch(`${site.url}/norises/${activityId}`);
    expect([activity.status, activity.headers.get('vary')]).toEqual([200, 'Cookie']);
  });

  it('signs out: the school pages then ask to sign in again', async () => {
    await page.goto(`${site.url}/skola/pieteikumi`);
    await page.getByRole('button', { name: 'Iziet' }).click();
    await page.waitForURL(`${site.url}/`);
    expect((await context.cookies()).some((c) => c.name === 'eq_skola')).toBe(false);
    await page.goto(`${site.url}/skola/pieteikumi`);
    expect(new URL(page.url()).pathname).toBe('/skola/pieteikties');
  });

  it('has no serious or critical accessibility violations on the sign-in, booking and bookings pages', async () => {
    await page.goto(`${site.url}/skola/pieteikties?q=demo`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pieteikties kā Ābeļu demo vidusskola (tests)' }).click();
    await page.waitForURL(/\/skola\/pieteikumi$/);
    const pages = [
      `${site.url}/skola/pieteikumi`,
      `${site.url}/norises/${activityId}`,
      `${site.url}/skola/pieteikt/${await firstSessionId()}`,
    ];
    for (const url of pages) {
      await page.goto(url);
      expect({ url, violations: await seriousAccessibilityViolations(page) }).toEqual({ url, violations: [] });
    }
  });
});
