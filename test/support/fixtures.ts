import { randomInt, randomUUID } from 'node:crypto';
import type { RegistryInstitutionState } from '@eq/shared';

/** A fresh, valid 10-digit registration number (random, so test files never collide). */
export const registrationNumber = () => String(randomInt(1_000_000_000, 9_999_999_999));

/** Input for `registerInstitution` with two implementation places. */
export function institutionInput(overrides: Record<string, unknown> = {}) {
  return {
    registrationNumber: registrationNumber(),
    name: 'Rīgas Valsts tehnikums',
    type: 'VOCATIONAL_SCHOOL',
    founder: { kind: 'MUNICIPALITY', name: 'Rīgas valstspilsētas pašvaldība', municipality: 'Rīga' },
    planningRegion: 'RIGA',
    implementationPlaces: [
      { address: 'Braslas iela 16, Rīga', municipality: 'Rīga', planningRegion: 'RIGA' },
      { address: 'Kalnciema iela 38, Rīga', municipality: 'Rīga', planningRegion: 'RIGA' },
    ],
    decision: { number: 'IKVD-2024/101', date: '2024-08-01' },
    ...overrides,
  };
}

/** The full state the registry publishes on `registry.institution.v1` for an active institution. */
export function registryInstitutionState(overrides: Partial<RegistryInstitutionState> = {}): RegistryInstitutionState {
  return {
    id: randomUUID(),
    registrationNumber: '4313900123',
    name: 'Valmieras Viestura vidusskola',
    type: 'SECONDARY_SCHOOL',
    status: 'ACTIVE',
    founder: { kind: 'MUNICIPALITY', name: 'Valmieras novada pašvaldība', municipality: 'Valmieras novads' },
    planningRegion: 'VIDZEME',
    implementationPlaces: [
      { id: randomUUID(), address: 'Ausekļa iela 25, Valmiera', municipality: 'Valmieras novads', planningRegion: 'VIDZEME' },
    ],
    registeredOn: '2010-08-01',
    liquidatedOn: null,
    headName: null,
    contacts: { email: null, phone: null },
    stateSignificance: false,
    liquidationKind: null,
    predecessors: [],
    successors: [],
    ...overrides,
  };
}

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInstitutionInput!) {
    registerInstitution(input: $input) {
      institution {
        id
        name
        status
        implementationPlaces {
          id
          address
        }
      }
    }
  }
`;

export const LIQUIDATE = /* GraphQL */ `
  mutation Liquidate($input: LiquidateInstitutionInput!) {
    liquidateInstitution(input: $input) {
      institution {
        id
        status
        liquidatedOn
      }
    }
  }
`;

export const ISSUE_LICENCE = /* GraphQL */ `
  mutation Issue($input: IssueLicenceInput!) {
    issueLicence(input: $input) {
      licence {
        id
        status
        programmeCode
      }
    }
  }
`;

export const INSTITUTION_WITH_LICENCES = /* GraphQL */ `
  query Institution($id: ID!) {
    institution(id: $id) {
      id
      name
      status
      licences {
        id
        programmeCode
        status
        lapsedOn
        implementationPlace {
          address
        }
      }
    }
  }
`;
