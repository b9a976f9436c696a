import type { OpenDataInstitution } from './openDataRecord';
import { liquidateInstitution, readRegister, registerInstitution, RegistryRequestError, type RegistryClient } from './registryClient';

/**
 * What happened to one row:
 * - `created`: registered now (and liquidated, when the row has a liquidation);
 * - `skipped`: its registration number is already in the register (re-runs are idempotent;
 *   an existing institution is never changed);
 * - `completed`: already registered but still active, and the row's liquidation was recorded
 *   now (a re-run finishing what an interrupted run started);
 * - `rejected`: the row or the server's answer says it cannot be imported as it is;
 * - `failed`: something unexpected (network, server error); the row may succeed on a re-run.
 */
export type Outcome =
  { row: number; kind: 'created' | 'skipped' | 'completed'; id: string } | { row: number; kind: 'rejected' | 'failed'; reason: string };

/** The whole run cannot go on: every further row would fail the same way. */
export class ImportAborted extends Error {
  override name = 'ImportAborted';
}

/** Codes that blame the row: report it and go on. */
const ROW_CODES = new Set(['VALIDATION_FAILED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);
/** Codes that blame the run (credentials, a server whose schema differs): stop. */
const RUN_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

interface Existing {
  id: string;
  status: string;
  liquidatedOn: string | null;
}

/**
 * Registration numbers already in the register, read once through the public API when a row
 * first meets one, and read again when a CONFLICT names a number we have not seen (another
 * client registered it meanwhile).
 */
function existingInstitutions(client: RegistryClient) {
  let index: Promise<Map<string, Existing>> | undefined;
  const load = async () => {
    const map = new Map<string, Existing>();
    for await (const node of readRegister({ url: client.url })) map.set(node.registrationNumber, node);
    return map;
  };
  const reload = () => {
    index = load().catch((error: unknown) => {
      index = undefined;
      throw error;
    });
    return index;
  };
  return async (registrationNumber: string): Promise<Existing | undefined> =>
    (await (index ?? reload())).get(registrationNumber) ?? (await reload()).get(registrationNumber);
}

function classify(error: unknown): RegistryRequestError | undefined {
  if (!(error instanceof RegistryRequestError)) return undefined;
  if (error.code && RUN_CODES.has(error.code)) throw new ImportAborted(`${error.message} (${error.code})`);
  return error.code && ROW_CODES.has(error.code) ? error : undefined;
}

async function importOne(
  client: RegistryClient,
  row: number,
  record: OpenDataInstitution,
  lookUp: ReturnType<typeof existingInstitutions>,
): Promise<Outcome> {
  const liquidate = async (id: string, kind: 'created' | 'completed'): Promise<Outcome> => {
    try {
      await liquidateInstitution(client, id, record);
      return { row, kind, id };
    } catch (error) {
      const rowError = classify(error);
      if (rowError?.code === 'CONFLICT') return { row, kind: 'skipped', id };
      const registered = kind === 'created' ? 'registered, but ' : '';
      if (rowError) return { row, kind: 'rejected', reason: `${registered}the liquidation was refused: ${rowError.message}` };
      return { row, kind: 'failed', reason: `${registered}the liquidation failed: ${String((error as Error).message ?? error)}` };
    }
  };

  // A reorganisation links the institution to its successors, which a row cannot carry.
  if (record.liquidationKind === 'REORGANISATION') {
    let existing: Existing | undefined;
    try {
      existing = await lookUp(record.registrationNumber);
    } catch (error) {
      return { row, kind: 'failed', reason: `reading the register failed: ${(error as Error).message}` };
    }
    if (existing) return { row, kind: 'skipped', id: existing.id };
    return {
      row,
      kind: 'rejected',
      reason: 'it ended by reorganisation, which the import cannot record: register it and its successors, then use reorganiseInstitutions',
    };
  }

  let id: string;
  try {
    id = await registerInstitution(client, record);
  } catch (error) {
    const rowError = classify(error);
    if (!rowError) return { row, kind: 'failed', reason: String((error as Error).message ?? error) };
    if (rowError.code !== 'CONFLICT') return { row, kind: 'rejected', reason: rowError.message };
    let existing: Existing | undefined;
    try {
      existing = await lookUp(record.registrationNumber);
    } catch (lookUpError) {
      return { row, kind: 'failed', reason: `${rowError.message}, and reading the register failed: ${(lookUpError as Error).message}` };
    }
    if (!existing) return { row, kind: 'rejected', reason: rowError.message };
    const stillToLiquidate = record.liquidationDecisionNumber !== null && existing.status === 'ACTIVE' && existing.liquidatedOn === null;
    return stillToLiquidate ? liquidate(existing.id, 'completed') : { row, kind: 'skipped', id: existing.id };
  }
  return record.liquidationDecisionNumber !== null ? liquidate(id, 'created') : { row, kind: 'created', id };
}

export interface ImportResult {
  /** One per row that was tried, in row order. */
  outcomes: Outcome[];
  /** Why the run stopped early (rows after it were not tried). */
  aborted?: string;
}

/**
 * Imports the records through the gateway, `concurrency` at a time. Each row's outcome is
 * reported as it settles. An error that blames the run stops it: rows already sent still
 * settle, the rest are not tried.
 */
export async function importRecords(
  client: RegistryClient,
  records: ReadonlyArray<{ row: number; record: OpenDataInstitution }>,
  { concurrency = 4, onOutcome }: { concurrency?: number; onOutcome?: (outcome: Outcome) => void } = {},
): Promise<ImportResult> {
  const lookUp = existingInstitutions(client);
  const outcomes: Outcome[] = [];
  let next = 0;
  let aborted: unknown;
  const worker = async () => {
    while (aborted === undefined && next < records.length) {
      const { row, record } = records[next++]!;
      try {
        const outcome = await importOne(client, row, record, lookUp);
        outcomes.push(outcome);
        onOutcome?.(outcome);
      } catch (error) {
        aborted ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  outcomes.sort((a, b) => a.row - b.row);
  if (aborted === undefined) return { outcomes };
  if (aborted instanceof ImportAborted) return { outcomes, aborted: aborted.message };
  throw aborted;
}
