import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds `services/subgraphs.json` and `schema/`: found by walking up from this
 * module, so the same code finds it when it runs from its source (`services/shared/src`) and
 * from a production bundle (`dist/`), whose modules sit at another depth.
 */
function findRepositoryRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'services', 'subgraphs.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no services/subgraphs.json above ${start}: run from the repository or its image`);
  }
}

export const REPOSITORY_ROOT = findRepositoryRoot(path.dirname(fileURLToPath(import.meta.url)));
