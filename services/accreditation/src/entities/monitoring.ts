import { EntitySchema } from 'typeorm';
import type { QualityCategory } from '../domain/qualityScale';
import type { TaskProgressLevel, TaskStatus } from '../generated/resolvers';

/** A task an accreditation set the institution, in one quality category, with a deadline. */
export interface AccreditationTaskRecord {
  id: string;
  accreditationId: string;
  category: QualityCategory;
  description: string;
  assignedOn: string;
  deadline: string;
  status: TaskStatus;
  completedOn: string | null;
  createdAt: Date;
}

export interface MonitoringVisitRecord {
  id: string;
  accreditationId: string;
  visitedOn: string;
  createdAt: Date;
}

/** The progress one monitoring visit found on one task. */
export interface TaskProgressRecord {
  visitId: string;
  taskId: string;
  visitedOn: string;
  progress: TaskProgressLevel;
  note: string | null;
}

export const AccreditationTaskEntity = new EntitySchema<AccreditationTaskRecord>({
  name: 'AccreditationTask',
  tableName: 'accreditation_task',
  columns: {
    id: { type: 'uuid', primary: true },
    accreditationId: { type: 'uuid', name: 'accreditation_id' },
    category: { type: 'text' },
    description: { type: 'text' },
    assignedOn: { type: 'date', name: 'assigned_on' },
    deadline: { type: 'date' },
    status: { type: 'text' },
    completedOn: { type: 'date', name: 'completed_on', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const MonitoringVisitEntity = new EntitySchema<MonitoringVisitRecord>({
  name: 'MonitoringVisit',
  tableName: 'monitoring_visit',
  columns: {
    id: { type: 'uuid', primary: true },
    accreditationId: { type: 'uuid', name: 'accreditation_id' },
    visitedOn: { type: 'date', name: 'visited_on' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const TaskProgressEntity = new EntitySchema<TaskProgressRecord>({
  name: 'TaskProgress',
  tableName: 'task_progress',
  columns: {
    visitId: { type: 'uuid', name: 'visit_id', primary: true },
    taskId: { type: 'uuid', name: 'task_id', primary: true },
    visitedOn: { type: 'date', name: 'visited_on' },
    progress: { type: 'text' },
    note: { type: 'text', nullable: true },
  },
});
