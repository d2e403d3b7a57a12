interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while `maxInFlight` writes are under way are written together
 * in the next call of `writeMany`, so under load many callers share one statement, and a lone
 * write goes out at once. Each caller's promise settles when its item is durable. When a group
 * fails, its items are written again one by one, so a bad item fails only its own caller.
 */
export function createGroupWriter<T>(
  writeMany: (items: T[]) => Promise<unknown>,
  maxInFlight = 2,
): (item: T) => Promise<void> {
  let queue: Waiting<T>[] = [];
  let inFlight = 0;

  async function writeGroup(group: Waiting<T>[]): Promise<void> {
    try {
      await writeMany(group.map((waiting) => waiting.item));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(
        group.map((waiting) => writeMany([waiting.item]).then(waiting.resolve, waiting.reject)),
      );
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue;
      queue = [];
      inFlight++;
      void writeGroup(group).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
