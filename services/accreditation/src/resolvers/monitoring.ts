import { randomUUID } from 'node:crypto';
import { assertUuid, requireRole, Role } from '@eq/shared';
import { notFound, validationFailed } from '@eq/shared/errors';
import { In, type EntityManager } from 'typeorm';
import { assertPastOrToday } from '../domain/applicationRules';
import { categoryLabelLv } from '../domain/qualityScale';
import { assertVisitCoversOpenTasks, validTasks } from '../domain/tasks';
import { AccreditationEntity } from '../entities/accreditation';
import { AccreditationTaskEntity, MonitoringVisitEntity, TaskProgressEntity, type AccreditationTaskRecord } from '../entities/monitoring';
import { recordAccreditationEvent } from '../events/out/accreditationEvents';
import type {
  AccreditationResolvers,
  AccreditationTaskResolvers,
  MonitoringVisitResolvers,
  MutationResolvers,
  TaskProgressResolvers,
} from '../generated/resolvers';
import { loadResults } from '../store/results';

async function lockAccreditation(manager: EntityManager, id: string) {
  const accreditation = await manager.getRepository(AccreditationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!accreditation) throw notFound('Accreditation', id);
  return accreditation;
}

export const monitoringMutations: Pick<MutationResolvers, 'assignAccreditationTasks' | 'recordMonitoringVisit'> = {
  assignAccreditationTasks: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.accreditationId, 'accreditationId');
    const assignedOn = assertPastOrToday(input.assignedOn ?? clock.today(), clock.today(), 'assignedOn');
    return db.transaction(async (manager) => {
      const accreditation = await lockAccreditation(manager, id);
      const rows: Array<Omit<AccreditationTaskRecord, 'createdAt'>> = validTasks(accreditation, assignedOn, input.tasks).map((task) => ({
        id: randomUUID(),
        accreditationId: id,
        ...task,
        assignedOn,
        status: 'OPEN',
        completedOn: null,
      }));
      const tasks = manager.getRepository(AccreditationTaskEntity);
      await tasks.insert(rows);
      const results = await loadResults(manager, [id]);
      await recordAccreditationEvent(manager, 'accreditation.accreditation.tasks-assigned', accreditation, results.get(id)!, ['tasks']);
      return {
        accreditation,
        tasks: await tasks.find({ where: { id: In(rows.map((row) => row.id)) }, order: { deadline: 'ASC', createdAt: 'ASC' } }),
      };
    });
  },

  recordMonitoringVisit: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.accreditationId, 'accreditationId');
    const visitedOn = assertPastOrToday(input.visitedOn, clock.today(), 'visitedOn');
    const progress = input.progress.map((entry) => ({
      ...entry,
      taskId: assertUuid(entry.taskId, 'taskId'),
      note: entry.note?.trim() || null,
    }));
    return db.transaction(async (manager) => {
      const accreditation = await lockAccreditation(manager, id);
      const tasks = manager.getRepository(AccreditationTaskEntity);
      const open = await tasks.findBy({ accreditationId: id, status: 'OPEN' });
      assertVisitCoversOpenTasks(
        open.map((task) => task.id),
        progress,
      );
      const latestAssigned = open.reduce(
        (latest, task) => (task.assignedOn > latest ? task.assignedOn : latest),
        accreditation.decisionDate,
      );
      if (visitedOn < latestAssigned)
        throw validationFailed(`A visit reports on tasks already assigned: it is on or after ${latestAssigned}`, 'visitedOn');

      const monitoringVisit = { id: randomUUID(), accreditationId: id, visitedOn };
      await manager.getRepository(MonitoringVisitEntity).insert(monitoringVisit);
      await manager
        .getRepository(TaskProgressEntity)
        .insert(progress.map((entry) => ({ visitId: monitoringVisit.id, visitedOn, ...entry })));
      const completed = progress.filter((entry) => entry.progress === 'COMPLETED').map((entry) => entry.taskId);
      if (completed.length > 0) await tasks.update({ id: In(completed) }, { status: 'COMPLETED', completedOn: visitedOn });
      const results = await loadResults(manager, [id]);
      await recordAccreditationEvent(manager, 'accreditation.accreditation.monitoring-visit-recorded', accreditation, results.get(id)!, [
        'tasks',
      ]);
      return {
        accreditation,
        monitoringVisit: await manager.getRepository(MonitoringVisitEntity).findOneByOrFail({ id: monitoringVisit.id }),
      };
    });
  },
};

export const accreditationMonitoringFields: Pick<AccreditationResolvers, 'tasks' | 'monitoringVisits'> = {
  tasks: (accreditation, _args, { loaders }) => loaders.tasks.load(accreditation.id),
  monitoringVisits: (accreditation, _args, { loaders }) => loaders.visits.load(accreditation.id),
};

export const AccreditationTask: AccreditationTaskResolvers = {
  categoryLabelLv: (task) => categoryLabelLv(task.category),
  overdue: (task, _args, { clock }) => task.status === 'OPEN' && task.deadline < clock.today(),
  progress: (task, _args, { loaders }) => loaders.progressByTask.load(task.id),
};

export const MonitoringVisit: MonitoringVisitResolvers = {
  progress: (visit, _args, { loaders }) => loaders.progressByVisit.load(visit.id),
};

/** The monitors' notes are OFFICER only; the progress itself is public with the tasks. */
export const TaskProgress: TaskProgressResolvers = {
  note: (progress, _args, { caller }) => (caller.role === Role.OFFICER ? progress.note : null),
};
