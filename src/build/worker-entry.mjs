// A worker thread starts without the main thread's TypeScript loader: register tsx here, then
// run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
