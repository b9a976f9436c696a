import { EntitySchema } from 'typeorm';

/** A reorganisation link: `predecessorId` continues in `successorId` from `effectiveDate`. */
export interface InstitutionLinkRecord {
  predecessorId: string;
  successorId: string;
  /** MERGER, DIVISION or ATTACHMENT. */
  kind: string;
  decisionId: string;
  effectiveDate: string;
}

export const InstitutionLinkEntity = new EntitySchema<InstitutionLinkRecord>({
  name: 'InstitutionLink',
  tableName: 'institution_link',
  columns: {
    predecessorId: { type: 'uuid', name: 'predecessor_id', primary: true },
    successorId: { type: 'uuid', name: 'successor_id', primary: true },
    kind: { type: 'text' },
    decisionId: { type: 'uuid', name: 'decision_id' },
    effectiveDate: { type: 'date', name: 'effective_date' },
  },
});
