/**
 * Group commit: items pushed while a write is running (or within `lingerMs` of the first one)
 * are written together in one transaction, so one disk sync serves many sensor events.
 * `lingerMs: 0` waits only for the end of the current turn of the event loop: under load, items
 * still pile up behind the running write, and a lone finish-gate event is not held back.
 */
export class EventBatcher<T, R> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;
  private timer?: { cancel(): void };

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly options: { lingerMs: number; maxBatch: number },
  ) {}

  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) void this.flush();
      else this.timer ??= this.schedule();
    });
  }

  /** Writes everything pending now (and whatever arrives meanwhile); resolves when all is written. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.writing) {
      await this.flush();
      if (this.writing) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  private schedule(): { cancel(): void } {
    if (this.options.lingerMs === 0) {
      const immediate = setImmediate(() => void this.flush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(() => void this.flush(), this.options.lingerMs);
    return { cancel: () => clearTimeout(timeout) };
  }

  private async flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = this.pending.splice(0, this.options.maxBatch);
    try {
      const results = await this.write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    } finally {
      this.writing = false;
      if (this.pending.length > 0) void this.flush();
    }
  }
}
