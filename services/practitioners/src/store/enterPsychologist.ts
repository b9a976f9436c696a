import { randomUUID } from 'node:crypto';
import { conflict, foldForSearch } from '@eq/shared';
import { parsePersonalCode } from '@eq/shared/personalCode';
import type { EntityManager } from 'typeorm';
import { assertMunicipality } from '../domain/childcareProviders';
import type { ValidDecision } from '../domain/decisions';
import { assertEducation, assertPersonName } from '../domain/psychologistRules';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { PsychologistEntity } from '../entities/psychologist';
import { recordStatus } from './psychologistStore';

/** Messages for the unique indexes (PostgreSQL's default constraint names); none repeats a personal code. */
export const PSYCHOLOGIST_UNIQUE_MESSAGES = {
  psychologist_registration_number_key: 'This registration number is already in the register',
  psychologist_personal_code_key: 'A psychologist with this personal code is already in the register',
  certificate_number_key: 'This certificate number is already in the register',
};

export interface EntryDraft {
  registrationNumber: string;
  name: string;
  personalCode: string;
  education: string;
  practiceMunicipality?: string | null;
}

export type ValidEntry = Required<EntryDraft>;

/** Validates what a register entry needs (registration, or recognition of a foreign qualification). */
export function assertEntry(draft: EntryDraft, today: string): ValidEntry {
  return {
    registrationNumber: assertRegistrationNumber(draft.registrationNumber),
    name: assertPersonName(draft.name),
    personalCode: parsePersonalCode(draft.personalCode, today).value,
    education: assertEducation(draft.education),
    practiceMunicipality: draft.practiceMunicipality == null ? null : assertMunicipality(draft.practiceMunicipality),
  };
}

/** Enters a person in the register as REGISTERED by `decision`, in the caller's transaction; returns the new id. */
export async function enterPsychologist(
  manager: EntityManager,
  entry: ValidEntry,
  decision: ValidDecision,
  recordedBy: string | undefined,
): Promise<string> {
  const psychologists = manager.getRepository(PsychologistEntity);
  if (await psychologists.existsBy({ registrationNumber: entry.registrationNumber })) {
    throw conflict(`Registration number ${entry.registrationNumber} is already in the register`);
  }
  if (await psychologists.existsBy({ personalCode: entry.personalCode })) {
    throw conflict(PSYCHOLOGIST_UNIQUE_MESSAGES.psychologist_personal_code_key);
  }
  const id = randomUUID();
  await psychologists.insert({
    id,
    ...entry,
    searchName: foldForSearch(entry.name),
    searchPracticeMunicipality: entry.practiceMunicipality && foldForSearch(entry.practiceMunicipality),
    registrationDecisionNumber: decision.number,
    registrationDecisionDate: decision.date,
    status: 'REGISTERED',
  });
  await recordStatus(manager, id, 'REGISTERED', decision, recordedBy);
  return id;
}

/** The fields a new entry sets, as `changedFields` of its event. */
export const ENTRY_FIELDS = [
  'registrationNumber',
  'name',
  'education',
  'practiceMunicipality',
  'registrationDecision',
  'status',
  'statusHistory',
];
