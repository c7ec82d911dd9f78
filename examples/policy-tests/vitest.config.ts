import { defineConfig } from 'vitest/config';

// Standalone use of this example project (`npm install && npm test` in this folder). Inside the
// petition-rules repository the root vitest.config.ts runs test/*.test.ts here instead.
export default defineConfig({ test: { include: ['test/**/*.test.ts'] } });
