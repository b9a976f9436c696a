/** The outcome of one request of a bounded load. */
export type LoadOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs `count` tasks, at most `concurrency` at a time, and returns every outcome in order: a
 * fault test needs to know which requests a client saw succeed, not just whether one failed.
 * `onSettled` sees the number settled so far, so a test can inject its fault mid-load.
 */
export async function runBoundedLoad<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  onSettled?: (settled: number) => void,
): Promise<Array<LoadOutcome<T>>> {
  const outcomes: Array<LoadOutcome<T>> = new Array(count);
  let next = 0;
  let settled = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        outcomes[index] = { ok: true, value: await task(index) };
      } catch (error) {
        outcomes[index] = { ok: false, error: String(error) };
      }
      onSettled?.(++settled);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return outcomes;
}
