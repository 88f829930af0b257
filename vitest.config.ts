import { defineConfig } from "vitest/config";

// One Vitest run for the whole workspace. `vitest run` runs unit, api and postgres; the browser
// project needs a build and Chromium, so it runs only when asked for: `vitest run --project browser`
// (pnpm test:browser). A --project on the command line replaces the `project` filter below.
export default defineConfig({
  test: {
    project: ["!browser"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/src/**/*.test.ts"],
          environment: "node",
          // Most files start the app on PGlite in beforeAll: seconds alone, more on a busy 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api",
          // Schema tests migrate an in-memory PGlite database like the API tests do.
          include: ["test/api/**/*.test.ts", "test/schema/**/*.test.ts"],
          environment: "node",
          // Starting PGlite and applying the migrations takes ~3 s, more on a busy 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "postgres",
          // Skipped when PostgreSQL/Redis are unreachable, unless REQUIRE_SERVICES=1 (test/support/services.ts).
          include: ["test/postgres/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
