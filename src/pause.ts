/**
 * Lets the event loop run whatever is waiting (a question, a heartbeat) before going on: work
 * done on the serving thread in slices awaits this between slices.
 */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
