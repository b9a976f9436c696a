import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTasksAndMonitoring1732300002320 implements MigrationInterface {
  name = 'CreateTasksAndMonitoring1732300002320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accreditation_task (
        id               uuid PRIMARY KEY,
        accreditation_id uuid NOT NULL REFERENCES accreditation (id),
        category         text NOT NULL CHECK (category IN ('FITNESS_FOR_PURPOSE', 'QUALITY_TEACHING', 'INCLUSIVE_ENVIRONMENT', 'GOOD_GOVERNANCE')),
        description      text NOT NULL,
        assigned_on      date NOT NULL,
        deadline         date NOT NULL,
        status           text NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
        completed_on     date,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (assigned_on <= deadline),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
      )`);
    await q.query('CREATE INDEX accreditation_task_accreditation ON accreditation_task (accreditation_id, deadline)');
    await q.query(`
      CREATE TABLE monitoring_visit (
        id               uuid PRIMARY KEY,
        accreditation_id uuid NOT NULL REFERENCES accreditation (id),
        visited_on       date NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX monitoring_visit_accreditation ON monitoring_visit (accreditation_id, visited_on)');
    await q.query(`
      CREATE TABLE task_progress (
        visit_id   uuid NOT NULL REFERENCES monitoring_visit (id),
        task_id    uuid NOT NULL REFERENCES accreditation_task (id),
        visited_on date NOT NULL,
        progress   text NOT NULL CHECK (progress IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
        note       text,
        PRIMARY KEY (visit_id, task_id)
      )`);
    await q.query('CREATE INDEX task_progress_task ON task_progress (task_id, visited_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE task_progress');
    await q.query('DROP TABLE monitoring_visit');
    await q.query('DROP TABLE accreditation_task');
  }
}
