import { execFileSync } from 'node:child_process';

/**
 * Vitest's global setup: the compiled bot (dist/, what `npm start` runs) is built once before any
 * test file runs, so that tests which start it (and the load script, which builds only when a
 * source changed) never rebuild it while another test is running it.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
