import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSubgraphManifest } from '@eq/shared';
import { subgraphFiles } from './subgraphTemplates';

export interface ScaffoldResult {
  /** Files written, relative to the root. */
  files: string[];
  port: number;
}

const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * Writes a sixth (seventh, …) subgraph in the common shape under `root`: its SDL, its service
 * folder, its entry in `services/subgraphs.json` (the next port) and its workspace in
 * `package.json`. Refuses a name that is taken or not lower-case letters and digits.
 */
export function scaffoldSubgraph(root: string, name: string, timestamp = Date.now()): ScaffoldResult {
  if (!/^[a-z][a-z0-9]{1,30}$/.test(name)) throw new Error(`"${name}" is not a subgraph name: 2-31 lower-case letters and digits`);
  const manifestPath = path.join(root, 'services/subgraphs.json');
  const subgraphs = readSubgraphManifest(manifestPath);
  if (subgraphs.some((entry) => entry.name === name) || existsSync(path.join(root, 'services', name))) {
    throw new Error(`a subgraph or service folder named "${name}" exists already`);
  }
  const files = subgraphFiles({ name, pascal: name[0]!.toUpperCase() + name.slice(1), timestamp });
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const port = Math.max(...subgraphs.map((entry) => entry.port)) + 1;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { subgraphs: unknown[] };
  manifest.subgraphs.push({ name, port });
  writeJson(manifestPath, manifest);
  const packagePath = path.join(root, 'package.json');
  const rootPackage = JSON.parse(readFileSync(packagePath, 'utf8')) as { workspaces: string[] };
  const gatewayAt = rootPackage.workspaces.indexOf('gateway');
  rootPackage.workspaces.splice(gatewayAt < 0 ? rootPackage.workspaces.length : gatewayAt, 0, `services/${name}`);
  writeJson(packagePath, rootPackage);
  return { files: [...Object.keys(files), 'services/subgraphs.json', 'package.json'], port };
}
