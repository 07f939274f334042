// A worker thread starts without the main thread's TypeScript loader. Compiled (dist/, where
// worker.js sits beside this file) the JavaScript worker runs as it is; from the sources, tsx is
// registered here first.
import { existsSync } from 'node:fs';

const compiled = new URL('./worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
