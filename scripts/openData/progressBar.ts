import { Presets, SingleBar } from 'cli-progress';

/**
 * A one-line progress bar on a terminal (`[#####·····]  512/2000  25%  label`), drawn by
 * `cli-progress` at most ten times a second. On anything that is not a TTY (a pipe, a CI log,
 * a test) it draws nothing, so logs never fill with carriage returns.
 */
export interface ProgressBar {
  update(done: number, total?: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  const bar = new SingleBar(
    {
      stream,
      format: `[{bar}] {value}/{total} {percentage}%  ${label}`,
      barCompleteChar: '#',
      barIncompleteChar: '·',
      barsize: 40,
      fps: 10,
      hideCursor: false,
    },
    Presets.legacy,
  );
  bar.start(total, 0);
  return {
    update(value, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(value);
    },
    finish() {
      bar.stop();
    },
  };
}
