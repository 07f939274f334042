// `npm start`: compiles the sources when they changed since the last start (scripts/build.mjs),
// then runs the compiled bot in this same process, so that signals (SIGTERM from a supervisor,
// Ctrl-C) reach it directly.
import { buildIfStale } from './build.mjs';

await buildIfStale();
await import('../dist/src/main.js');
