import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHeadEvaluations1732300002310 implements MigrationInterface {
  name = 'CreateHeadEvaluations1732300002310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE head_evaluation (
        id                   uuid PRIMARY KEY,
        institution_id       uuid NOT NULL,
        head_name            text NOT NULL,
        institution_category text NOT NULL CHECK (institution_category IN ('GENERAL', 'VOCATIONAL', 'PRESCHOOL')),
        decision_number      text NOT NULL,
        decision_date        date NOT NULL,
        results              jsonb NOT NULL CHECK (jsonb_array_length(results) = 4),
        outcome              text NOT NULL CHECK (outcome IN ('MEETS_REQUIREMENTS', 'MUST_IMPROVE', 'DOES_NOT_MEET')),
        evaluators_notes     text,
        created_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX head_evaluation_institution ON head_evaluation (institution_id, decision_date DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE head_evaluation');
  }
}
