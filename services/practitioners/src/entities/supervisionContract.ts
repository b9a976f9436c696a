import { EntitySchema } from 'typeorm';

/** A registered psychologist's contract with a supervisor, under which they practise without a certificate (public). */
export interface SupervisionContractRecord {
  id: string;
  psychologistId: string;
  supervisorId: string;
  startsOn: string;
  /** Inclusive. */
  endsOn: string;
  recordedBy: string | null;
  createdAt: Date;
}

export const SupervisionContractEntity = new EntitySchema<SupervisionContractRecord>({
  name: 'SupervisionContract',
  tableName: 'supervision_contract',
  columns: {
    id: { type: 'uuid', primary: true },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    supervisorId: { type: 'uuid', name: 'supervisor_id' },
    startsOn: { type: 'date', name: 'starts_on' },
    endsOn: { type: 'date', name: 'ends_on' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
