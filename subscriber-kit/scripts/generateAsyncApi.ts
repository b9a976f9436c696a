/** Writes `schema/asyncapi.json` from the kit's topic contracts (the single source of truth). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAsyncApiDocument } from '../src/asyncApi/buildAsyncApiDocument';

const ASYNCAPI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/asyncapi.json');

writeFileSync(ASYNCAPI_PATH, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), ASYNCAPI_PATH)}`);
