import { EntitySchema } from 'typeorm';
import type { ExtensionReason } from '../generated/resolvers';

/** One extension of an accreditation's term, with the decision that granted it. */
export interface AccreditationExtensionRecord {
  accreditationId: string;
  /** 0 for the first extension of the accreditation, then 1, ... */
  position: number;
  reason: ExtensionReason;
  decisionNumber: string;
  decisionDate: string;
  previousTermEnd: string;
  termEnd: string;
}

export const AccreditationExtensionEntity = new EntitySchema<AccreditationExtensionRecord>({
  name: 'AccreditationExtension',
  tableName: 'accreditation_extension',
  columns: {
    accreditationId: { type: 'uuid', name: 'accreditation_id', primary: true },
    position: { type: 'integer', primary: true },
    reason: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    previousTermEnd: { type: 'date', name: 'previous_term_end' },
    termEnd: { type: 'date', name: 'term_end' },
  },
});
