import { EntitySchema } from 'typeorm';
import type { QualityCategory, QualityLevel } from '../domain/qualityScale';

/** The level an accreditation assessed in one quality category (one row per category). */
export interface AccreditationResultRecord {
  accreditationId: string;
  category: QualityCategory;
  level: QualityLevel;
  /** The category's place in the regulation's order, so results read in that order. */
  position: number;
}

export const AccreditationResultEntity = new EntitySchema<AccreditationResultRecord>({
  name: 'AccreditationResult',
  tableName: 'accreditation_result',
  columns: {
    accreditationId: { type: 'uuid', name: 'accreditation_id', primary: true },
    category: { type: 'text', primary: true },
    level: { type: 'text' },
    position: { type: 'integer' },
  },
});
