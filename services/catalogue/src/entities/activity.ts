import { EntitySchema } from 'typeorm';
import type { ActivityField, ActivityFormat, ActivityStatus, GradeBand, PlanningRegion } from '../generated/resolvers';

export interface ActivityRecord {
  id: string;
  providerId: string;
  title: string;
  description: string;
  /** Title and description folded for case- and diacritic-insensitive search. */
  searchText: string;
  fields: ActivityField[];
  gradeBands: GradeBand[];
  curriculumLink: string | null;
  format: ActivityFormat;
  durationMinutes: number;
  language: string;
  municipality: string | null;
  /** `municipality` folded, so that filtering by "Cesis" finds "Cēsis". */
  municipalityKey: string | null;
  planningRegion: PlanningRegion | null;
  maxGroupSize: number;
  accessibility: string | null;
  pricePerPupilCents: number;
  status: ActivityStatus;
  statusReason: string | null;
  publishedAt: Date | null;
  /** Token subject of who created it (internal; not in the public schema). */
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ActivityEntity = new EntitySchema<ActivityRecord>({
  name: 'Activity',
  tableName: 'activity',
  columns: {
    id: { type: 'uuid', primary: true },
    providerId: { type: 'uuid', name: 'provider_id' },
    title: { type: 'text' },
    description: { type: 'text' },
    searchText: { type: 'text', name: 'search_text' },
    fields: { type: 'text', array: true },
    gradeBands: { type: 'text', array: true, name: 'grade_bands' },
    curriculumLink: { type: 'text', name: 'curriculum_link', nullable: true },
    format: { type: 'text' },
    durationMinutes: { type: 'integer', name: 'duration_minutes' },
    language: { type: 'text' },
    municipality: { type: 'text', nullable: true },
    municipalityKey: { type: 'text', name: 'municipality_key', nullable: true },
    planningRegion: { type: 'text', name: 'planning_region', nullable: true },
    maxGroupSize: { type: 'integer', name: 'max_group_size' },
    accessibility: { type: 'text', nullable: true },
    pricePerPupilCents: { type: 'integer', name: 'price_per_pupil_cents' },
    status: { type: 'text' },
    statusReason: { type: 'text', name: 'status_reason', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
