import { EntitySchema } from 'typeorm';

/** A decision recognising a professional qualification a psychologist obtained abroad (public). */
export interface ForeignQualificationRecord {
  id: string;
  psychologistId: string;
  country: string;
  qualification: string;
  decisionNumber: string;
  decisionDate: string;
  /** The recognition certificate (atzīšanas apliecība); null for recognitions recorded before it was kept. */
  certificateNumber: string | null;
  certificateDate: string | null;
  recordedBy: string | null;
  seq: number;
}

export const ForeignQualificationEntity = new EntitySchema<ForeignQualificationRecord>({
  name: 'ForeignQualification',
  tableName: 'foreign_qualification',
  columns: {
    id: { type: 'uuid', primary: true },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    country: { type: 'text' },
    qualification: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    certificateNumber: { type: 'text', name: 'certificate_number', nullable: true },
    certificateDate: { type: 'date', name: 'certificate_date', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment', transformer: { from: (v: string) => Number(v), to: (v: unknown) => v } },
  },
});
