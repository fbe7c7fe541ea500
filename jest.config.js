/** One Jest run over every package, service and cross-service test. Type checking is `tsc -b`
 * (run by `npm test` before Jest); ts-jest here only transpiles, which keeps the run fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/tests', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.spec.ts', '<rootDir>/tests/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^@mercato/protos/gen/(.*)$': '<rootDir>/packages/protos/src/generated/$1',
    '^@mercato/(db|kit|protos|topology|runner|eventsourcing|observability)$': '<rootDir>/packages/$1/src',
    '^@mercato/(catalog|eventstore|cart|inventory|payments|shipping|orders|order-history|gateway|loadgen|recommendations|risk|assistant|sentinel)$': '<rootDir>/services/$1/src',
  },
  testTimeout: 60_000,
  // The usual output, then the slowest files (where the time budget goes).
  reporters: ['default', '<rootDir>/scripts/jest-slowest.js'],
  // One worker: the event store's $all reads follow the snapshot-xmin rule, which is cluster-wide,
  // so the property test's deliberately held transactions would hold back other files' reads on
  // the shared PostgreSQL server if they ran at the same time.
  maxWorkers: 1,
  // ...in a worker process recycled once it holds more than this after a file. With one worker Jest
  // would otherwise run every file in its own process, whose heap grows file after file: measured,
  // the whole run took 963 s that way and 858 s recycled (db.spec 31 → 14 s, as when run alone).
  workerIdleMemoryLimit: '600MB',
};
