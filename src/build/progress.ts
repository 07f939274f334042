import { count } from '../text/count.js';

/** Reports build progress: a bar on a terminal, one line at start and end otherwise. */
export interface Progress {
  start(total: number): void;
  update(done: number, total: number): void;
  finish(message: string): void;
}

const WIDTH = 30;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      start: (total) => stream.write(`Building the index of ${count(total, 'article')}…\n`),
      update: () => {},
      finish: (message) => stream.write(`${message}\n`),
    };
  }
  let lastDrawn = 0;
  const draw = (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total} articles`);
  };
  return {
    start: (total) => draw(0, total),
    update: (done, total) => {
      // Ten redraws a second are plenty.
      if (Date.now() - lastDrawn < 100 && done < total) return;
      lastDrawn = Date.now();
      draw(done, total);
    },
    finish: (message) => stream.write(`\r\x1b[K${message}\n`),
  };
}

/** For tests and for `--json` runs: nothing. */
export const silentProgress: Progress = { start: () => {}, update: () => {}, finish: () => {} };
