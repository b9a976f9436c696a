import { EntitySchema } from 'typeorm';

export type BookingStatus = 'CONFIRMED' | 'WAITING' | 'CANCELLED' | 'ATTENDED' | 'NO_SHOW';

export interface BookingRecord {
  id: string;
  sessionId: string;
  institutionId: string;
  grade: number;
  pupils: number;
  status: BookingStatus;
  semester: string;
  /** The activity's price when the booking was made. */
  pricePerPupilCents: number;
  /** Money held while CONFIRMED (pupils × price); 0 otherwise. */
  committedCents: number;
  /** Money spent once attendance is recorded (attended × price). */
  costCents: number;
  attendedPupils: number | null;
  statusReason: string | null;
  /** Waiting-list order (bigint; TypeORM hands it back as a string). */
  queueSeq: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const BookingEntity = new EntitySchema<BookingRecord>({
  name: 'Booking',
  tableName: 'booking',
  columns: {
    id: { type: 'uuid', primary: true },
    sessionId: { type: 'uuid', name: 'session_id' },
    institutionId: { type: 'uuid', name: 'institution_id' },
    grade: { type: 'integer' },
    pupils: { type: 'integer' },
    status: { type: 'text' },
    semester: { type: 'text' },
    pricePerPupilCents: { type: 'integer', name: 'price_per_pupil_cents' },
    committedCents: { type: 'integer', name: 'committed_cents' },
    costCents: { type: 'integer', name: 'cost_cents' },
    attendedPupils: { type: 'integer', name: 'attended_pupils', nullable: true },
    statusReason: { type: 'text', name: 'status_reason', nullable: true },
    queueSeq: { type: 'bigint', name: 'queue_seq', insert: false, update: false },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
