import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from './support/eventually';
import { startProcessTestStack, type ProcessTestStack } from './support/processTestStack';

/*
 * The catalogue site as `npm start` runs it: a supervised process of its own, started after the
 * gateway and ready once the gateway is, restarted at the same address after a crash.
 */
describe('the catalogue site in the process stack', () => {
  let stack: ProcessTestStack;

  beforeAll(async () => {
    stack = await startProcessTestStack('siteprocess', { site: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const catalogue = async () => {
    const response = await fetch(`${stack.siteUrl}/`);
    return { status: response.status, body: await response.text() };
  };

  it('serves the Latvian catalogue from the gateway, and comes back at the same address after being killed', async () => {
    expect(stack.siteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await stack.readiness('site')).toEqual({ status: 200, body: 'ready' });
    const before = await catalogue();
    expect(before.status).toBe(200);
    expect(before.body).toContain('<html lang="lv">');
    expect(before.body).toContain('Katalogā vēl nav norišu.');

    const site = stack.components.site!.process;
    const pid = site.pid()!;
    process.kill(pid, 'SIGKILL');
    const after = await eventually(
      () => catalogue().catch(() => ({ status: 0, body: '' })),
      (answer) => answer.status === 200 && site.pid() !== pid,
      { what: 'the supervisor to restart the site', timeoutMs: 60_000 },
    );
    expect(after.body).toContain('Norišu katalogs');
    expect(site.restarts).toBe(1);
  });

  it("offers the school area's development sign-in, since the stack hands the site its JWT secret", async () => {
    const signIn = await fetch(`${stack.siteUrl}/skola/pieteikties`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('Pieteikšanās skolai');
  });
});
