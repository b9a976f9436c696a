import type { OpenDataInstitution } from './openDataRecord';
import { formatPlaceList } from './placeList';

/**
 * The open-data columns, in file order: the one definition both the export and the import use,
 * and the table `docs/open-data.md` documents (a test keeps the two in step). Columns are only
 * ever appended, so consumers that read by position keep working.
 */
export interface Column {
  name: keyof OpenDataInstitution;
  /** The import refuses a file whose header lacks a required column. */
  requiredInHeader: boolean;
}

export const COLUMNS: readonly Column[] = [
  { name: 'id', requiredInHeader: false },
  { name: 'registrationNumber', requiredInHeader: true },
  { name: 'name', requiredInHeader: true },
  { name: 'type', requiredInHeader: true },
  { name: 'status', requiredInHeader: false },
  { name: 'founderKind', requiredInHeader: true },
  { name: 'founderName', requiredInHeader: true },
  { name: 'founderMunicipality', requiredInHeader: false },
  { name: 'planningRegion', requiredInHeader: true },
  { name: 'implementationPlaces', requiredInHeader: true },
  { name: 'registeredOn', requiredInHeader: false },
  { name: 'registrationDecisionNumber', requiredInHeader: true },
  { name: 'registrationDecisionDate', requiredInHeader: true },
  { name: 'liquidatedOn', requiredInHeader: false },
  { name: 'liquidationKind', requiredInHeader: false },
  { name: 'liquidationDecisionNumber', requiredInHeader: false },
  { name: 'liquidationDecisionDate', requiredInHeader: false },
  { name: 'liquidationReason', requiredInHeader: false },
];

export const HEADER: readonly string[] = COLUMNS.map((column) => column.name);

/** A record's CSV cells, in column order: null is the empty cell, places use `placeList.ts`. */
export function toCsvCells(record: OpenDataInstitution): string[] {
  return COLUMNS.map(({ name }) => {
    const value = record[name];
    if (name === 'implementationPlaces') return formatPlaceList(record.implementationPlaces);
    return value == null ? '' : String(value);
  });
}
