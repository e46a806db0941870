// The untrusted-file worker's entry (decision 031): a worker thread starts as plain Node, so it
// registers tsx itself (the same under `npm start`, `npm run cli` and vitest), then loads the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
