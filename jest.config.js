// ts-jest (not swc/esbuild): they drop decorator metadata or break on circular entity imports.
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: false }];

const base = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": tsJest },
  moduleFileExtensions: ["ts", "js", "json"],
  setupFiles: ["reflect-metadata"],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Each API test file starts a server and seeds a demo database in its beforeAll.
  testTimeout: 120000,
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    { ...base, displayName: "api", testMatch: ["<rootDir>/test/api/**/*.test.ts"] },
    {
      ...base,
      displayName: "browser",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      testEnvironment: "<rootDir>/test/browser/failure-environment.js",
    },
    { ...base, displayName: "bench", testMatch: ["<rootDir>/test/bench/**/*.bench.ts"] },
  ],
};
