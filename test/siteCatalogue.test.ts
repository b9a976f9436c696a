import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createLogger, Role, type Caller } from '@eq/shared';
import { loadSiteConfig, startSite, type RunningSite } from '@eq/site';
import {
  activityInput,
  CREATE_ACTIVITY,
  futureWednesday,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SUBMIT_ACTIVITY,
} from '../services/catalogue/test/catalogueOperations';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser';
import { startTestStack, type TestStack } from './support/testStack';

/*
 * The public catalogue site in a real browser (the system's Chromium through playwright-core),
 * against the whole stack: a handful of activities entered through the gateway as providers and
 * the fund would, and the site started against that gateway like any front end.
 */

const silent = createLogger('site', 'silent');
const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin-site' };
const REGISTER_PROVIDER = `mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { provider { id } } }`;

/** Five activities over three fields; page size 2, so the catalogue has three pages. */
const ACTIVITIES = [
  {
    title: 'Ķīmijas eksperimenti virtuvē',
    fields: ['CHEMISTRY'],
    gradeBands: ['GRADES_7_9'],
    planningRegion: 'KURZEME',
    municipality: 'Liepāja',
  },
  { title: 'Mikroskopa pasaule', fields: ['BIOLOGY'], gradeBands: ['GRADES_4_6'], planningRegion: 'VIDZEME', municipality: 'Cēsu novads' },
  { title: 'Meža ekosistēma', fields: ['BIOLOGY'], gradeBands: ['GRADES_1_3'], planningRegion: 'LATGALE', municipality: 'Daugavpils' },
  {
    title: 'Putnu vērošana',
    fields: ['BIOLOGY', 'GEOGRAPHY'],
    gradeBands: ['GRADES_4_6'],
    planningRegion: 'ZEMGALE',
    municipality: 'Jelgava',
  },
  { title: 'Robotikas darbnīca', fields: ['COMPUTING'], gradeBands: ['GRADES_7_9'], planningRegion: 'RIGA', municipality: 'Rīga' },
];

describe('the catalogue site: a visitor searches, filters, pages and opens an activity', () => {
  let stack: TestStack;
  let site: RunningSite;
  let browser: Browser;
  let page: Page;
  const sessionStart = futureWednesday();

  beforeAll(async () => {
    stack = await startTestStack('siteCatalogue');
    const fund = await stack.client.token(FUND_ADMIN);
    const registered = await stack.client.data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Dabas muzejs (tests)' } }, fund);
    const providerId = registered.registerProvider.provider.id;
    const provider = await stack.client.token({ role: Role.PROVIDER, providerId, subject: 'site-provider' });
    await Promise.all(
      ACTIVITIES.map(async (overrides, index) => {
        const created = await stack.client.data(
          CREATE_ACTIVITY,
          {
            input: activityInput({
              ...overrides,
              description: `${overrides.title}: praktiska nodarbība.`,
              accessibility: 'Pieejams ratiņkrēslā.',
            }),
          },
          provider,
        );
        const id = created.createActivity.activity.id;
        const startsAt = new Date(sessionStart.getTime() + index * 24 * 60 * 60 * 1000).toISOString();
        await stack.client.data(
          SCHEDULE_SESSION,
          { input: { activityId: id, startsAt, place: 'Rīga, Braslas iela 16', capacity: 25 } },
          provider,
        );
        await stack.client.data(SUBMIT_ACTIVITY, { input: { id } }, provider);
        await stack.client.data(REVIEW_ACTIVITY, { input: { id, decision: 'PUBLISH' } }, fund);
      }),
    );
    site = await startSite(loadSiteConfig({ PORT: '0', GATEWAY_URL: stack.gatewayUrl, SITE_PAGE_SIZE: '2', LOG_LEVEL: 'silent' }), silent);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'lv-LV' });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await stack?.close();
  });

  const resultsHeading = () => page.locator('#rezultati').textContent();
  const titles = () => page.locator('.activity-card h3').allTextContents();

  it('searches ignoring case and diacritics, and the URL carries the search', async () => {
    await page.goto(site.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    expect(await resultsHeading()).toBe('Atrastas 5 norises');
    await page.getByLabel('Meklēt norisi').fill('KIMIJAS');
    await page.getByRole('button', { name: 'Meklēt', exact: true }).click();
    await page.waitForURL(/q=KIMIJAS/);
    expect(await resultsHeading()).toBe('Atrasta 1 norise');
    expect(await titles()).toEqual(['Ķīmijas eksperimenti virtuvē']);
  });

  it('filters by a facet whose count it shows, pages by cursor, and the back button returns to the previous page', async () => {
    await page.goto(site.url);
    const biology = page.getByRole('checkbox', { name: /Bioloģija/ });
    expect(await page.locator('label', { has: biology }).textContent()).toContain('(3)');
    await biology.check();
    await page.getByRole('button', { name: 'Rādīt norises' }).click();
    await page.waitForURL(/joma=BIOLOGY/);
    expect(await resultsHeading()).toBe('Atrastas 3 norises');
    const firstPage = await titles();
    expect(firstPage).toEqual(['Meža ekosistēma', 'Mikroskopa pasaule']);
    // The other facets count within the chosen field: Latgale holds one of the three.
    expect(await page.locator('label', { has: page.getByRole('radio', { name: /Latgale/ }) }).textContent()).toContain('(1)');
    await screenshot(page, 'site-catalogue');

    await page.getByRole('link', { name: 'Nākamā lapa' }).click();
    await page.waitForURL(/pec=/);
    expect(new URL(page.url()).searchParams.getAll('joma')).toEqual(['BIOLOGY']);
    expect(await titles()).toEqual(['Putnu vērošana']);
    expect(await page.getByRole('link', { name: 'Nākamā lapa' }).count()).toBe(0);

    await page.goBack();
    expect(new URL(page.url()).searchParams.has('pec')).toBe(false);
    expect(await titles()).toEqual(firstPage);
    expect(await page.getByRole('checkbox', { name: /Bioloģija/ }).isChecked()).toBe(true);
  });

  it('opens an activity with its provider, curriculum link, accessibility and sessions with free places and the booking deadline', async () => {
    await page.goto(`${site.url}/?q=robotikas`);
    await page.getByRole('link', { name: 'Robotikas darbnīca' }).click();
    await page.waitForURL(/\/norises\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Robotikas darbnīca');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Dabas muzejs (tests)');
    expect(body).toContain('Pieejams ratiņkrēslā.');
    expect(body).toContain('Saikne ar mācību saturu');
    const row = page.locator('table.sessions tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('brīvas 25 vietas no 25');
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\d{4}\. gada \d{1,2}\. \p{L}+$/u);
    await screenshot(page, 'site-activity');
  });

  it('explains a missing activity in Latvian with status 404', async () => {
    const response = await page.goto(`${site.url}/norises/00000000-0000-4000-8000-000000000000`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('alert').textContent()).toContain('Šāda norise katalogā nav atrodama');
    await screenshot(page, 'site-not-found');
  });

  it('explains in Latvian a link whose cursor the catalogue never issued, and a gateway that does not answer', async () => {
    const stale = await fetch(`${site.url}/?pec=not-a-cursor`, { headers: { 'x-request-id': 'site-stale-cursor' } });
    expect(stale.status).toBe(400);
    expect(stale.headers.get('x-request-id')).toBe('site-stale-cursor');
    expect(await stale.text()).toContain('Saite uz šo lapu vairs nav derīga');

    // Port 9 (discard) takes no connections here: the site is up, its gateway is not.
    const orphan = await startSite(loadSiteConfig({ PORT: '0', GATEWAY_URL: 'http://127.0.0.1:9/graphql', LOG_LEVEL: 'silent' }), silent);
    try {
      expect((await fetch(`${orphan.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${orphan.url}/readyz`)).status).toBe(503);
      const page = await fetch(`${orphan.url}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('Katalogs pašlaik nav pieejams');
    } finally {
      await orphan.close();
    }
    expect((await fetch(`${site.url}/readyz`)).status).toBe(200);
  });

  it('works from the keyboard: the first Tab shows a skip link to the content, and the form is reached and sent with keys', async () => {
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Pāriet uz saturu' });
    expect(await skip.evaluate((element) => element === (globalThis as any).document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#saturs');
    await page.getByLabel('Meklēt norisi').focus();
    await page.keyboard.type('putnu');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=putnu/);
    expect(await titles()).toEqual(['Putnu vērošana']);
  });

  it('has no serious or critical accessibility violations on the catalogue, activity and error pages', async () => {
    const pages = [`${site.url}/?joma=BIOLOGY`, `${site.url}/?q=nekas-tads`];
    await page.goto(`${site.url}/?q=robotikas`);
    pages.push(new URL((await page.getByRole('link', { name: 'Robotikas darbnīca' }).getAttribute('href'))!, site.url).href);
    pages.push(`${site.url}/norises/00000000-0000-4000-8000-000000000000`);
    for (const url of pages) {
      await page.goto(url);
      expect({ url, violations: await seriousAccessibilityViolations(page) }).toEqual({ url, violations: [] });
    }
  });
});
