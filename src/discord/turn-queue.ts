/**
 * Runs jobs in order, one per turn of the event loop. Work that has already been acknowledged with a deferral
 * (and so has Discord's 15 minutes) waits here, so that it never starves what must happen within 3 s: reading
 * new interactions off the gateway and sending their first responses, which the event loop handles between jobs.
 */
export class TurnQueue {
  private readonly jobs: Array<() => void> = [];
  private scheduled = false;

  /** Resolves with what `work` returns once it has run (a rejected promise if it throws). */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
      this.schedule();
    });
  }

  get size(): number {
    return this.jobs.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, so pending socket reads and writes go first.
    setImmediate(() => {
      this.scheduled = false;
      this.jobs.shift()?.();
      if (this.jobs.length > 0) this.schedule();
    });
  }
}
