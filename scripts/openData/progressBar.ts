/**
 * A one-line progress bar on a terminal (`[#####·····]  512/2000  25%  label`), redrawn at
 * most ten times a second. On anything that is not a TTY (a pipe, a CI log, a test) it draws
 * nothing, so logs never fill with carriage returns.
 */
export interface ProgressBar {
  update(done: number, total?: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let done = 0;
  let lastDrawn = 0;
  const draw = () => {
    const ratio = total > 0 ? Math.min(done / total, 1) : 1;
    const counts = `${String(done).padStart(String(total).length)}/${total}`;
    const suffix = ` ${counts} ${String(Math.floor(ratio * 100)).padStart(3)}%  ${label}`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - suffix.length - 3));
    const filled = Math.round(ratio * width);
    stream.write(`\r[${'#'.repeat(filled)}${'·'.repeat(width - filled)}]${suffix}`);
    lastDrawn = Date.now();
  };
  draw();
  return {
    update(value, newTotal) {
      done = value;
      if (newTotal !== undefined) total = newTotal;
      if (Date.now() - lastDrawn >= 100) draw();
    },
    finish() {
      draw();
      stream.write('\n');
    },
  };
}
