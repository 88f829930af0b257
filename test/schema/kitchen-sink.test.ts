// Holds the schema check to Prisma Migrate's own rules: for a schema using most features the
// check understands, the SQL Prisma itself wrote (fixtures/kitchen-sink.sql) must compare equal,
// and a hand-made mistake in it must not.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.js";
import { expectedShape } from "../support/expected-schema.js";
import { introspect } from "../support/introspect.js";
import { parsePrismaSchema } from "../support/prisma-schema.js";
import { compareShapes, formatDifferences } from "../support/schema-shape.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), "utf8");

async function differencesAfter(sql: string) {
  // The app's opener gives a PGlite database; empty it of the app's own schema first.
  const db = await openDatabase({ dataDir: "memory://" });
  try {
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await db.sql.exec(sql);
    return compareShapes(await introspect(db.sql), expectedShape(parsePrismaSchema(fixture("kitchen-sink.prisma"))));
  } finally {
    await db.close();
  }
}

describe("the schema check against SQL written by Prisma Migrate", () => {
  it("finds no difference where Prisma wrote the SQL", async () => {
    const differences = await differencesAfter(fixture("kitchen-sink.sql"));
    expect(formatDifferences(differences)).toBe(formatDifferences([]));
  });

  it("finds a difference Prisma would not have written", async () => {
    const sql = fixture("kitchen-sink.sql").replace(`"small" SMALLINT NOT NULL`, `"small" INTEGER NOT NULL`);
    expect(await differencesAfter(sql)).toEqual([
      {
        object: 'column "things"."small"',
        kind: "different",
        property: "type",
        database: "integer",
        schema: "smallint",
      },
    ]);
  });
});
