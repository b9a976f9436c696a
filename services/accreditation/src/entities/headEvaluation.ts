import { EntitySchema } from 'typeorm';
import type { QualityResult } from '../domain/qualityScale';
import type { HeadEvaluationOutcome, HeadInstitutionCategory } from '../generated/resolvers';

/** The evaluation of a head's professional activity, with a level per criterion. */
export interface HeadEvaluationRecord {
  id: string;
  institutionId: string;
  headName: string;
  institutionCategory: HeadInstitutionCategory;
  decisionNumber: string;
  decisionDate: string;
  /** In the regulation's order of categories. */
  results: QualityResult[];
  outcome: HeadEvaluationOutcome;
  evaluatorsNotes: string | null;
  createdAt: Date;
}

export const HeadEvaluationEntity = new EntitySchema<HeadEvaluationRecord>({
  name: 'HeadEvaluation',
  tableName: 'head_evaluation',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    headName: { type: 'text', name: 'head_name' },
    institutionCategory: { type: 'text', name: 'institution_category' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    results: { type: 'jsonb' },
    outcome: { type: 'text' },
    evaluatorsNotes: { type: 'text', name: 'evaluators_notes', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
