// The migrations, applied by the app's own migrator to a new in-memory PGlite database, produce
// exactly what prisma/schema.prisma describes. test/postgres/ runs the same against PostgreSQL.
import { describe } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { schemaMatchesMigrationsTests } from "../support/schema-check.js";

describe("schema.prisma and the migrations (PGlite)", () => {
  schemaMatchesMigrationsTests(() => openDatabase({ dataDir: "memory://" }));
});
