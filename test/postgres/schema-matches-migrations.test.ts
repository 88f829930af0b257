// The schema check of test/schema/, against PostgreSQL: each test migrates a new database of its
// own on the server at DATABASE_URL_TEST, and drops it afterwards.
import { describe } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import type { MigratedDatabase } from "../support/schema-check.js";
import { schemaMatchesMigrationsTests } from "../support/schema-check.js";
import { createScratchPostgresDatabase, postgresAvailability } from "../support/services.js";

const postgres = await postgresAvailability();

async function openMigrated(): Promise<MigratedDatabase> {
  const scratch = await createScratchPostgresDatabase("schema_check");
  try {
    const db = await openDatabase({ url: scratch.url, poolSize: 2 });
    return {
      sql: db.sql,
      close: async () => {
        await db.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

describe.skipIf(!postgres.available)(
  `schema.prisma and the migrations (PostgreSQL)${postgres.reason ? ` — skipped: ${postgres.reason}` : ""}`,
  () => {
    schemaMatchesMigrationsTests(openMigrated);
  },
);
