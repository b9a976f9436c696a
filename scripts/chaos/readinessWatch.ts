import type { ProcessTestStack } from '../../test/support/processTestStack';

/**
 * Asks every component's `/readyz` four times a second and keeps the answers, so a run can tell
 * whether a component said "not ready" while a fault lasted. No answer at all (the process is
 * down, or frozen past the 2 s timeout) counts as not ready.
 */
export class ReadinessWatch {
  private readonly seen: Array<{ at: number; name: string; ready: boolean }> = [];
  private readonly timer: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly stack: ProcessTestStack,
    private readonly names: string[],
  ) {
    this.timer = setInterval(() => void this.poll(), 250);
  }

  /** True when every component's latest answer was 200. */
  async allReady(): Promise<boolean> {
    const answers = await Promise.all(this.names.map((name) => this.ask(name)));
    return answers.every(Boolean);
  }

  sawNotReady(name: string, from: number, to: number): boolean {
    return this.seen.some((answer) => answer.name === name && !answer.ready && answer.at >= from && answer.at <= to);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    // One round at a time: a frozen component must not pile up requests.
    if (this.polling) return;
    this.polling = true;
    try {
      await Promise.all(this.names.map(async (name) => this.seen.push({ at: Date.now(), name, ready: await this.ask(name) })));
    } finally {
      this.polling = false;
    }
  }

  private async ask(name: string): Promise<boolean> {
    try {
      const response = await fetch(`${this.stack.components[name]!.baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }
}
