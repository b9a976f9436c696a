import { EntitySchema } from 'typeorm';

export type SessionStatus = 'SCHEDULED' | 'CANCELLED';

export interface ActivitySessionRecord {
  id: string;
  activityId: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  capacity: number;
  /** Pupils of CONFIRMED and attended bookings: the seats taken. */
  bookedPupils: number;
  status: SessionStatus;
  createdAt: Date;
  updatedAt: Date;
}

export const ActivitySessionEntity = new EntitySchema<ActivitySessionRecord>({
  name: 'ActivitySession',
  tableName: 'activity_session',
  columns: {
    id: { type: 'uuid', primary: true },
    activityId: { type: 'uuid', name: 'activity_id' },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    place: { type: 'text' },
    capacity: { type: 'integer' },
    bookedPupils: { type: 'integer', name: 'booked_pupils' },
    status: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
