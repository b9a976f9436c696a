import { isIsoDate } from '@eq/shared/scalars';
import { COLUMNS } from './columns';
import {
  FOUNDER_KINDS,
  INSTITUTION_STATUSES,
  INSTITUTION_TYPES,
  LIQUIDATION_KINDS,
  PLANNING_REGIONS,
  type OpenDataInstitution,
  type OpenDataPlace,
} from './openDataRecord';
import { parsePlaceList } from './placeList';

/**
 * Reading an open-data CSV row back into a record, checking everything the file alone can
 * tell (the server checks the rest, and the import reports its answer the same way). Every
 * problem of a row is collected, so one pass over the file shows a person all there is to fix.
 */

type ColumnName = keyof OpenDataInstitution;

export interface Header {
  /** Where each known column is; columns we do not know are ignored. */
  positions: Map<ColumnName, number>;
  width: number;
}

export type RowResult = { record: OpenDataInstitution } | { reasons: string[] };

const KNOWN = new Set<string>(COLUMNS.map((column) => column.name));

export function readHeader(fields: readonly string[]): Header | { error: string } {
  const positions = new Map<ColumnName, number>();
  for (const [position, raw] of fields.entries()) {
    const name = raw.trim();
    if (!KNOWN.has(name)) continue;
    if (positions.has(name as ColumnName)) return { error: `the header names column ${name} twice` };
    positions.set(name as ColumnName, position);
  }
  const missing = COLUMNS.filter((column) => column.requiredInHeader && !positions.has(column.name)).map((column) => column.name);
  if (missing.length > 0) return { error: `the header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  return { positions, width: fields.length };
}

const REGISTRATION_NUMBER = /^\d{10}$/;

export function parseRow(fields: readonly string[], header: Header): RowResult {
  if (fields.length !== header.width) return { reasons: [`has ${fields.length} fields, the header has ${header.width}`] };
  const reasons: string[] = [];
  const cell = (name: ColumnName): string => {
    const position = header.positions.get(name);
    return position === undefined ? '' : fields[position]!.trim();
  };
  const required = (name: ColumnName): string => {
    const value = cell(name);
    if (value === '') reasons.push(`${name} is empty`);
    return value;
  };
  const oneOf = <T extends string>(name: ColumnName, allowed: readonly T[], value = required(name)): T => {
    if (value !== '' && !allowed.includes(value as T)) reasons.push(`${name} "${value}" is not one of ${allowed.join(', ')}`);
    return value as T;
  };
  const date = (name: ColumnName, value: string): string => {
    if (value !== '' && !isIsoDate(value)) reasons.push(`${name} "${value}" is not a calendar date YYYY-MM-DD`);
    return value;
  };
  const notBefore = (later: ColumnName, laterValue: string, earlier: ColumnName, earlierValue: string) => {
    if (isIsoDate(laterValue) && isIsoDate(earlierValue) && laterValue < earlierValue)
      reasons.push(`${later} ${laterValue} is before ${earlier} ${earlierValue}`);
  };

  const registrationNumber = required('registrationNumber');
  if (registrationNumber !== '' && !REGISTRATION_NUMBER.test(registrationNumber)) {
    const hint = /^\d{1,9}$/.test(registrationNumber) ? ' (a spreadsheet may have dropped its leading zeros)' : '';
    reasons.push(`registrationNumber "${registrationNumber}" is not 10 digits${hint}`);
  }
  const name = required('name');
  const type = oneOf('type', INSTITUTION_TYPES);
  const founderKind = oneOf('founderKind', FOUNDER_KINDS);
  const founderName = required('founderName');
  const founderMunicipality = cell('founderMunicipality') || null;
  if (founderKind === 'MUNICIPALITY' && !founderMunicipality)
    reasons.push('founderMunicipality is empty, but a MUNICIPALITY founder needs it');
  const planningRegion = oneOf('planningRegion', PLANNING_REGIONS);
  const implementationPlaces = parsePlaces(required('implementationPlaces'), reasons);

  const registrationDecisionNumber = required('registrationDecisionNumber');
  const registrationDecisionDate = date('registrationDecisionDate', required('registrationDecisionDate'));
  const registeredOn = date('registeredOn', cell('registeredOn')) || registrationDecisionDate;
  notBefore('registeredOn', registeredOn, 'registrationDecisionDate', registrationDecisionDate);

  const liquidationDecisionNumber = cell('liquidationDecisionNumber') || null;
  const liquidationDecisionDate = date('liquidationDecisionDate', cell('liquidationDecisionDate')) || null;
  const liquidationReason = cell('liquidationReason') || null;
  const liquidated = Boolean(liquidationDecisionNumber || liquidationDecisionDate || cell('liquidatedOn') || cell('liquidationKind'));
  const liquidatedOn = liquidated ? date('liquidatedOn', cell('liquidatedOn')) || liquidationDecisionDate : null;
  const liquidationKind = liquidated ? oneOf('liquidationKind', LIQUIDATION_KINDS, cell('liquidationKind') || 'LIQUIDATION') : null;
  if (liquidated && !liquidationDecisionNumber) reasons.push('liquidationDecisionNumber is empty, but the row has a liquidation');
  if (liquidated && !liquidationDecisionDate) reasons.push('liquidationDecisionDate is empty, but the row has a liquidation');
  if (!liquidated && liquidationReason) reasons.push('liquidationReason is given without a liquidation decision');
  if (liquidatedOn && liquidationDecisionDate) notBefore('liquidatedOn', liquidatedOn, 'liquidationDecisionDate', liquidationDecisionDate);
  if (liquidatedOn) notBefore('liquidatedOn', liquidatedOn, 'registeredOn', registeredOn);

  const status = oneOf('status', INSTITUTION_STATUSES, cell('status') || (liquidated ? 'LIQUIDATED' : 'ACTIVE'));
  if (status === 'LIQUIDATED' && !liquidated) reasons.push('status is LIQUIDATED, but the row has no liquidation decision');

  if (reasons.length > 0) return { reasons };
  return {
    record: {
      id: cell('id') || null,
      registrationNumber,
      name,
      type,
      status,
      founderKind,
      founderName,
      founderMunicipality,
      planningRegion,
      implementationPlaces,
      registeredOn,
      registrationDecisionNumber,
      registrationDecisionDate,
      liquidatedOn,
      liquidationKind,
      liquidationDecisionNumber,
      liquidationDecisionDate,
      liquidationReason,
    },
  };
}

function parsePlaces(value: string, reasons: string[]): OpenDataPlace[] {
  const places: OpenDataPlace[] = [];
  for (const [index, parts] of parsePlaceList(value).entries()) {
    const [address = '', municipality = '', planningRegion = ''] = parts.map((part) => part.trim());
    if (parts.length !== 3 || !address || !municipality) {
      reasons.push(`implementationPlaces: place ${index + 1} is not address|municipality|PLANNING_REGION`);
    } else if (!PLANNING_REGIONS.includes(planningRegion as OpenDataPlace['planningRegion'])) {
      reasons.push(
        `implementationPlaces: place ${index + 1} has planning region "${planningRegion}", not one of ${PLANNING_REGIONS.join(', ')}`,
      );
    } else {
      places.push({ address, municipality, planningRegion: planningRegion as OpenDataPlace['planningRegion'] });
    }
  }
  return places;
}
