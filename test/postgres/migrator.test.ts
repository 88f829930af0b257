// The migrator with several server instances starting at once, on PostgreSQL (PGlite cannot open
// one database from two clients). Each test migrates a scratch database of its own and drops it.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresSqlRunner } from "../../server/src/db/database.js";
import { applyMigrations, MIGRATION_LOCK_KEY, readMigrations } from "../../server/src/db/migrate.js";
import { createScratchPostgresDatabase, postgresAvailability, type ScratchDatabase } from "../support/services.js";

const postgres = await postgresAvailability();

describe.skipIf(!postgres.available)(
  `two migrators at once (PostgreSQL)${postgres.reason ? ` — skipped: ${postgres.reason}` : ""}`,
  () => {
    let scratch: ScratchDatabase | undefined;
    const pools: pg.Pool[] = [];
    const pool = (url: string) => {
      const created = new pg.Pool({ connectionString: url, max: 2 });
      pools.push(created);
      return created;
    };

    afterEach(async () => {
      await Promise.all(pools.splice(0).map((p) => p.end()));
      await scratch?.drop();
      scratch = undefined;
    });

    it("apply each migration exactly once: one applies them all, the other waits and finds none to do", async () => {
      scratch = await createScratchPostgresDatabase("migrator_race");
      const url = scratch.url;
      const shipped = readMigrations().map((m) => m.name);

      // Hold the migrators' lock so both are surely running, and waiting on it, at the same time.
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const runs = [applyMigrations(postgresSqlRunner(pool(url))), applyMigrations(postgresSqlRunner(pool(url)))];
      try {
        // Wait (polling the server's own view, not sleeping blindly) until both block on the lock.
        for (let round = 0; ; round++) {
          const [row] = (
            await holder.query<{ waiting: string }>(
              `SELECT count(*)::text AS waiting FROM pg_locks
               WHERE locktype = 'advisory' AND NOT granted AND objid = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
              [MIGRATION_LOCK_KEY],
            )
          ).rows;
          if (Number(row?.waiting) === 2) break;
          if (round > 400) throw new Error(`migrators never both waited (waiting: ${row?.waiting})`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      } finally {
        await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        await holder.end();
      }
      const [first, second] = await Promise.all(runs);
      expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, shipped.length]);
      expect(first.length ? first : second).toEqual(shipped);

      const check = pool(url);
      const { rows } = await check.query<{ migration_name: string; times: number }>(
        `SELECT migration_name, count(*)::int AS times FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(shipped.map((name) => ({ migration_name: name, times: 1 })));
      // And the schema is there: a table of the last migration answers.
      await expect(check.query(`SELECT count(*) FROM "Area"`)).resolves.toBeTruthy();
    });

    it("a migrator started after another has finished applies nothing", async () => {
      scratch = await createScratchPostgresDatabase("migrator_rerun");
      expect(await applyMigrations(postgresSqlRunner(pool(scratch.url)))).toEqual(readMigrations().map((m) => m.name));
      expect(await applyMigrations(postgresSqlRunner(pool(scratch.url)))).toEqual([]);
    });
  },
);
