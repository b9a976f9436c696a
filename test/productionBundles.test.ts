import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { buildComponents } from '../scripts/build';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startProcessTestStack, type ProcessTestStack } from './support/processTestStack';

/**
 * The production form of every component: `npm run build`'s bundles, each run by plain `node`
 * (no tsx, no TypeScript) as the image runs them, serve one graph and pass events between them.
 */
describe('production bundles', () => {
  let stack: ProcessTestStack;
  let officer: string;

  beforeAll(async () => {
    await buildComponents();
    stack = await startProcessTestStack('bundles', { built: true, site: true });
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-bundles' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('run on plain node and answer a query across subgraphs, fed by the registry’s events', async () => {
    for (const component of Object.values(stack.components)) {
      const commandLine = readFileSync(`/proc/${component.process.pid()}/cmdline`, 'utf8').split('\0');
      expect(commandLine.some((arg) => arg.endsWith(`dist/${component.name}.mjs`))).toBe(true);
      expect(commandLine.some((arg) => /tsx/.test(arg))).toBe(false);
    }
    const registered = await stack.client.data(REGISTER, { input: institutionInput({ name: 'Ventspils skola' }) }, officer);
    const id = registered.registerInstitution.institution.id as string;
    // Licensing and accreditation learn of the institution from registry.institution.v1.
    await eventually(
      () =>
        Promise.all(
          ['licensing', 'accreditation'].map(async (service) =>
            Number(
              (await stack.database(service).query('SELECT count(*)::int AS n FROM registry_institution WHERE id = $1', [id])).rows[0].n,
            ),
          ),
        ),
      (counts) => counts.every((n) => n === 1),
      { what: 'the consuming bundles to know the institution' },
    );
    const answer = await stack.client.data(
      /* GraphQL */ `
        query BundlesInstitution($id: ID!) {
          institution(id: $id) {
            name
            licences {
              id
            }
            accreditations {
              id
            }
          }
        }
      `,
      { id },
      officer,
    );
    expect(answer.institution).toStrictEqual({ name: 'Ventspils skola', licences: [], accreditations: [] });
    // The site's bundle renders the catalogue from the gateway.
    const page = await fetch(`${stack.components.site!.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html lang="lv"/);
  });
});
