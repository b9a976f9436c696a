/**
 * An institution's register entry as a value: what the history records field by field and
 * what `asOf` reconstructs. Pure: no database, no GraphQL.
 */
export interface PlaceSnapshot {
  id: string;
  address: string;
  municipality: string;
  planningRegion: string;
}

export interface FounderSnapshot {
  kind: string;
  name: string;
  municipality: string | null;
}

export interface InstitutionSnapshot {
  name: string;
  type: string;
  status: string;
  founder: FounderSnapshot;
  planningRegion: string;
  implementationPlaces: PlaceSnapshot[];
  headName: string | null;
  contacts: { email: string | null; phone: string | null };
  stateSignificance: boolean;
  liquidatedOn: string | null;
  liquidationKind: string | null;
}

export type TrackedField = keyof InstitutionSnapshot;

/** Every field the history tracks, in the order a change lists them. */
export const TRACKED_FIELDS: readonly TrackedField[] = [
  'name',
  'type',
  'status',
  'founder',
  'planningRegion',
  'implementationPlaces',
  'headName',
  'contacts',
  'stateSignificance',
  'liquidatedOn',
  'liquidationKind',
];

export interface FieldChange {
  field: TrackedField;
  oldValue: unknown;
  newValue: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields `next` changes relative to `current` (fields absent from `next` are unchanged). */
export function diffSnapshot(current: InstitutionSnapshot | null, next: Partial<InstitutionSnapshot>): FieldChange[] {
  return TRACKED_FIELDS.filter((field) => field in next && !sameValue(current?.[field], next[field])).map((field) => ({
    field,
    oldValue: current?.[field] ?? null,
    newValue: next[field] ?? null,
  }));
}

/**
 * The entry as it stood after a sequence of changes, oldest first (registration first). Null
 * when no change had taken effect yet: the institution did not exist on that date.
 */
export function foldChanges(changes: ReadonlyArray<{ field: string; newValue: unknown }>): InstitutionSnapshot | null {
  if (changes.length === 0) return null;
  const state: Record<string, unknown> = {};
  for (const change of changes) state[change.field] = change.newValue;
  return {
    name: state.name as string,
    type: state.type as string,
    status: (state.status as string) ?? 'ACTIVE',
    founder: state.founder as FounderSnapshot,
    planningRegion: state.planningRegion as string,
    implementationPlaces: (state.implementationPlaces as PlaceSnapshot[]) ?? [],
    headName: (state.headName as string | null) ?? null,
    contacts: (state.contacts as InstitutionSnapshot['contacts']) ?? { email: null, phone: null },
    stateSignificance: (state.stateSignificance as boolean) ?? false,
    liquidatedOn: (state.liquidatedOn as string | null) ?? null,
    liquidationKind: (state.liquidationKind as string | null) ?? null,
  };
}
