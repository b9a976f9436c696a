import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SUBGRAPH_NAMES } from '@eq/shared';
import { ROOT } from '../stack/paths';

/**
 * One layout for every service (README "Architecture at a glance"): knowing one service means
 * knowing all of them. `events/out/` holds what the service publishes, `events/in/` its handlers
 * of other services' topics and what they set off; `store/` its SQL beyond the entities.
 */
const FOLDERS = new Set(['domain', 'entities', 'events', 'generated', 'jobs', 'migrations', 'resolvers', 'store', '__tests__']);
const REQUIRED = ['main.ts', 'index.ts', 'definition.ts', 'context.ts', 'domain', 'entities', 'generated', 'migrations', 'resolvers'];
/** Pure rules: no database, broker or GraphQL library in `domain/`. */
const NOT_IN_DOMAIN = /from '(typeorm|kafkajs|pg|graphql|@apollo\/[^']+|dataloader)'/;

const entries = (dir: string) => readdirSync(dir).map((name) => ({ name, folder: statSync(path.join(dir, name)).isDirectory() }));
const typeScriptFiles = (dir: string): string[] =>
  entries(dir).flatMap(({ name, folder }) =>
    folder ? (name === '__tests__' ? [] : typeScriptFiles(path.join(dir, name))) : name.endsWith('.ts') ? [path.join(dir, name)] : [],
  );

describe.each(SUBGRAPH_NAMES.map((name) => [name]))('services/%s/src', (name) => {
  const src = path.join(ROOT, 'services', name, 'src');

  it('has the common folders and entry files, and nothing else at its top', () => {
    const found = entries(src);
    for (const required of REQUIRED) expect(found.map((entry) => entry.name)).toContain(required);
    const strays = found.filter(({ name: entry, folder }) =>
      folder ? !FOLDERS.has(entry) : !['main.ts', 'index.ts', 'definition.ts', 'context.ts', `${name}Options.ts`].includes(entry),
    );
    expect(strays.map((entry) => entry.name)).toStrictEqual([]);
  });

  it('splits its events into out/ (published) and in/ (consumed)', () => {
    const events = path.join(src, 'events');
    // A service that neither publishes nor consumes (a new one) has no events/ at all.
    const found = existsSync(events) ? entries(events) : [];
    expect(found.filter((entry) => !entry.folder || !['in', 'out'].includes(entry.name)).map((entry) => entry.name)).toStrictEqual([]);
  });

  it('keeps its domain rules pure', () => {
    const impure = typeScriptFiles(path.join(src, 'domain')).filter((file) => NOT_IN_DOMAIN.test(readFileSync(file, 'utf8')));
    expect(impure.map((file) => path.relative(ROOT, file))).toStrictEqual([]);
  });
});
