import type { DataSource } from 'typeorm';
import type { Logger } from './logger';

/** Background work a service runs on a timer (e.g. applying decisions on their effective date). */
export interface PeriodicJob {
  name: string;
  intervalMs: number;
  run(deps: { db: DataSource; logger: Logger }): Promise<void>;
}

/**
 * Runs a job now and then every `intervalMs`, never two runs at once; a failed run is logged and
 * the next one tries again. Several service instances may run the same job: jobs must claim
 * their work with row locks (e.g. `FOR UPDATE SKIP LOCKED`).
 */
export function startPeriodicJob(job: PeriodicJob, deps: { db: DataSource; logger: Logger }): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    running = job.run(deps).catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'periodic job failed'));
    await running;
    running = undefined;
    if (!stopped) timer = setTimeout(() => void tick(), job.intervalMs);
  };
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
