import type { FounderKind, InstitutionStatus, InstitutionType, PlanningRegion } from '../../services/registry/src/generated/resolvers';

/**
 * One institution of the public register, flat, as the open-data files carry it. The JSON
 * export is an array of these; the CSV export has one column per key (see `columns.ts`).
 * Only public fields: what any anonymous caller of the gateway may read.
 */
export interface OpenDataInstitution {
  id: string | null;
  registrationNumber: string;
  name: string;
  type: InstitutionType;
  status: InstitutionStatus;
  founderKind: FounderKind;
  founderName: string;
  founderMunicipality: string | null;
  planningRegion: PlanningRegion;
  implementationPlaces: OpenDataPlace[];
  registeredOn: string;
  registrationDecisionNumber: string;
  registrationDecisionDate: string;
  liquidatedOn: string | null;
  liquidationKind: LiquidationKind | null;
  liquidationDecisionNumber: string | null;
  liquidationDecisionDate: string | null;
  liquidationReason: string | null;
}

export interface OpenDataPlace {
  address: string;
  municipality: string;
  planningRegion: PlanningRegion;
}

/**
 * How an institution left the register: the kind of the decision that ended it. Read from the
 * decision (not a field of its own), so the export works against any version of the API.
 */
export type LiquidationKind = 'LIQUIDATION' | 'STRIKING_OFF' | 'REORGANISATION';
export const LIQUIDATION_KINDS: LiquidationKind[] = ['LIQUIDATION', 'STRIKING_OFF', 'REORGANISATION'];

/** The register's enums. `Record<Enum, true>` makes the type checker flag a value added to or dropped from the schema. */
const institutionTypes: Record<InstitutionType, true> = {
  PRESCHOOL: true,
  PRIMARY_SCHOOL: true,
  BASIC_SCHOOL: true,
  SECONDARY_SCHOOL: true,
  GYMNASIUM: true,
  STATE_GYMNASIUM: true,
  SPECIAL_SCHOOL: true,
  VOCATIONAL_SCHOOL: true,
  INTEREST_EDUCATION: true,
  PROFESSIONAL_ORIENTATION_MUSIC: true,
  PROFESSIONAL_ORIENTATION_ART: true,
  PROFESSIONAL_ORIENTATION_DANCE: true,
  PROFESSIONAL_ORIENTATION_SPORT: true,
  INTERNATIONAL_SCHOOL: true,
  EVENING_OR_DISTANCE_SCHOOL: true,
};
/** Statuses of the register proper: pending and refused applications are not exported. */
const statuses = { ACTIVE: true, LIQUIDATED: true } satisfies Partial<Record<InstitutionStatus, true>>;
const founderKinds: Record<FounderKind, true> = { STATE: true, MUNICIPALITY: true, LEGAL_PERSON: true, NATURAL_PERSON: true };
const planningRegions: Record<PlanningRegion, true> = { RIGA: true, VIDZEME: true, KURZEME: true, ZEMGALE: true, LATGALE: true };

export const INSTITUTION_TYPES = Object.keys(institutionTypes) as InstitutionType[];
export const INSTITUTION_STATUSES = Object.keys(statuses) as InstitutionStatus[];
export const FOUNDER_KINDS = Object.keys(founderKinds) as FounderKind[];
export const PLANNING_REGIONS = Object.keys(planningRegions) as PlanningRegion[];

/** An `Institution` as the export query selects it (see `registryClient.ts`). */
export interface InstitutionNode {
  id: string;
  registrationNumber: string;
  name: string;
  type: InstitutionType;
  status: InstitutionStatus;
  founder: { kind: FounderKind; name: string; municipality: string | null };
  planningRegion: PlanningRegion;
  implementationPlaces: OpenDataPlace[];
  registeredOn: string;
  liquidatedOn: string | null;
  decisions: Array<{ kind: string; number: string; date: string; effectiveDate: string; reason: string | null }>;
}

/**
 * The open-data record of an institution. Its registration decision is the first REGISTRATION
 * decision; the decision that ends it the latest liquidation, striking off or reorganisation
 * (decisions come oldest first). One that is still pending shows as an ACTIVE institution with
 * the date it will end on.
 */
export function toOpenDataRecord(node: InstitutionNode): OpenDataInstitution {
  const registration = node.decisions.find((decision) => decision.kind === 'REGISTRATION');
  const ending = node.decisions.findLast((decision) => LIQUIDATION_KINDS.includes(decision.kind as LiquidationKind));
  return {
    id: node.id,
    registrationNumber: node.registrationNumber,
    name: node.name,
    type: node.type,
    status: node.status,
    founderKind: node.founder.kind,
    founderName: node.founder.name,
    founderMunicipality: node.founder.municipality ?? null,
    planningRegion: node.planningRegion,
    implementationPlaces: node.implementationPlaces.map(({ address, municipality, planningRegion }) => ({
      address,
      municipality,
      planningRegion,
    })),
    registeredOn: node.registeredOn,
    registrationDecisionNumber: registration?.number ?? '',
    registrationDecisionDate: registration?.date ?? '',
    liquidatedOn: node.liquidatedOn ?? ending?.effectiveDate ?? null,
    liquidationKind: (ending?.kind as LiquidationKind | undefined) ?? null,
    liquidationDecisionNumber: ending?.number ?? null,
    liquidationDecisionDate: ending?.date ?? null,
    liquidationReason: ending?.reason ?? null,
  };
}
