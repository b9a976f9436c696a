import { EntitySchema } from 'typeorm';

/** What the booking school recorded of a booking's event safety (domain/eventSafety.ts); one row per booking, once anything is. */
export interface BookingSafetyRecord {
  bookingId: string;
  headApprovedBy: string | null;
  headApprovedOn: string | null;
  headApprovalRecordedAt: Date | null;
  parentsInformedOn: string | null;
  parentsInformedRecordedAt: Date | null;
  /** The SCHOOL's subject that recorded the latest step. */
  recordedBy: string | null;
}

export const BookingSafetyEntity = new EntitySchema<BookingSafetyRecord>({
  name: 'BookingSafety',
  tableName: 'booking_safety',
  columns: {
    bookingId: { type: 'uuid', primary: true, name: 'booking_id' },
    headApprovedBy: { type: 'text', name: 'head_approved_by', nullable: true },
    headApprovedOn: { type: 'date', name: 'head_approved_on', nullable: true },
    headApprovalRecordedAt: { type: 'timestamptz', name: 'head_approval_recorded_at', nullable: true },
    parentsInformedOn: { type: 'date', name: 'parents_informed_on', nullable: true },
    parentsInformedRecordedAt: { type: 'timestamptz', name: 'parents_informed_recorded_at', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
  },
});
