/**
 * Runs tasks one after another, each starting when the one before has settled, whether it
 * succeeded or failed: for read-modify-write of one stored item from several callers (the history
 * writer, the credentials store, settings sync, the weekly re-check), where two overlapping
 * writes would drop one. A failed task rejects its own caller only; the queue goes on.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
