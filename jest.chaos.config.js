/** The chaos suite (`npm run test:chaos`): the main Jest set-up, matching only tests/chaos/**\/*.chaos.ts,
 * which `npm test` never picks up (it matches *.spec.ts). One long run under load: generous timeouts. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/chaos'],
  testMatch: ['<rootDir>/tests/chaos/**/*.chaos.ts'],
  // Each fault is one test: load, fault window, recovery, invariants (bounded inside by 60 s waits).
  testTimeout: 240_000,
  maxWorkers: 1,
};
