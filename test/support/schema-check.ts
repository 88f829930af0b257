// "The migrations produce exactly what schema.prisma describes", as a suite that runs against any
// freshly migrated database: PGlite in the default run, PostgreSQL in the postgres project.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { expectedShape } from "./expected-schema.js";
import { introspect, type Queryable } from "./introspect.js";
import { parsePrismaSchema } from "./prisma-schema.js";
import {
  compareShapes,
  formatDifferences,
  type SchemaDifference,
  type SchemaShape,
  type ShapeObject,
} from "./schema-shape.js";

export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
export const SNAPSHOT_PATH = fileURLToPath(new URL("../../prisma/migrations/schema.snapshot.prisma", import.meta.url));

/**
 * What the migrations make that Prisma's schema language cannot describe. Anything else in the
 * database that schema.prisma does not describe fails the check; list it here, on purpose.
 */
export const SQL_ONLY_OBJECTS: ShapeObject[] = [
  // AuditEvent is append-only (see the init migration).
  {
    key: 'trigger "AuditEvent_append_only" on "AuditEvent"',
    table: "AuditEvent",
    props: { fires: "BEFORE UPDATE OR DELETE OR TRUNCATE FOR EACH STATEMENT", function: "audit_event_append_only" },
  },
  { key: 'function "audit_event_append_only"()', props: { returns: "trigger", language: "plpgsql" } },
];

export function expectedFromSchemaFile(path = SCHEMA_PATH, extras = SQL_ONLY_OBJECTS): SchemaShape {
  return expectedShape(parsePrismaSchema(readFileSync(path, "utf8")), { extras });
}

export async function schemaDifferences(
  db: Queryable,
  expected = expectedFromSchemaFile(),
): Promise<SchemaDifference[]> {
  return compareShapes(await introspect(db), expected);
}

export interface MigratedDatabase {
  sql: Queryable & { exec(sql: string): Promise<void> };
  close(): Promise<void>;
}

async function withDatabase<T>(open: () => Promise<MigratedDatabase>, fn: (db: MigratedDatabase) => Promise<T>) {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Registers the schema tests in the current describe block. `openMigrated` must return a new,
 * empty database with the migrations in prisma/migrations applied by the app's own migrator.
 */
export function schemaMatchesMigrationsTests(openMigrated: () => Promise<MigratedDatabase>): void {
  it("the migrations produce exactly what prisma/schema.prisma describes", async () => {
    const differences = await withDatabase(openMigrated, (db) => schemaDifferences(db.sql));
    // Compared as text so that a failure prints one readable line per difference.
    expect(formatDifferences(differences)).toBe(formatDifferences([]));
  });

  it("reports each way a database can drift from schema.prisma", async () => {
    const differences = await withDatabase(openMigrated, async (db) => {
      for (const statement of [
        `ALTER TABLE "Account" DROP COLUMN "largeText"`,
        `DROP INDEX "Topic_createdAt_idx"`,
        `ALTER TABLE "Session" ALTER COLUMN "userAgent" SET NOT NULL`,
        `ALTER TABLE "Council" ALTER COLUMN "supportThreshold" SET DEFAULT 5`,
        `ALTER TABLE "Vote" ALTER COLUMN "result" TYPE json`,
        `ALTER TABLE "Opinion" DROP CONSTRAINT "Opinion_topicId_fkey"`,
        `ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
        `ALTER TYPE "Locale" ADD VALUE 'ZH_TW'`,
        `CREATE TABLE "Stray" ("id" SERIAL PRIMARY KEY, "note" TEXT)`,
        `CREATE INDEX "Meeting_title_idx" ON "Meeting" ("title" DESC)`,
        `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
      ]) {
        await db.sql.exec(statement);
      }
      return schemaDifferences(db.sql);
    });
    expect(formatDifferences(differences)).toContain(
      '\n  ~ column "Session"."userAgent": nullable is NOT NULL in the database, NULL in schema.prisma\n',
    );
    expect(differences).toEqual([
      {
        object: 'column "Account"."largeText"',
        kind: "missing",
        schema: "type: boolean; nullable: NOT NULL; default: false",
      },
      {
        object: 'column "Council"."supportThreshold"',
        kind: "different",
        property: "default",
        database: "5",
        schema: "10",
      },
      {
        object: 'column "Session"."userAgent"',
        kind: "different",
        property: "nullable",
        database: "NOT NULL",
        schema: "NULL",
      },
      { object: 'column "Vote"."result"', kind: "different", property: "type", database: "json", schema: "jsonb" },
      {
        object: 'enum "Locale"',
        kind: "different",
        property: "values",
        database: "ZH_CN, EN, ZH_TW",
        schema: "ZH_CN, EN",
      },
      {
        object: 'foreign key "Opinion_topicId_fkey"',
        kind: "different",
        property: "onDelete",
        database: "RESTRICT",
        schema: "CASCADE",
      },
      {
        object: 'index "Meeting_title_idx"',
        kind: "unexpected",
        database: 'table: Meeting; unique: not unique; columns: ("title" DESC); method: btree',
      },
      {
        object: 'index "Topic_createdAt_idx"',
        kind: "missing",
        schema: 'table: Topic; unique: not unique; columns: ("createdAt"); method: btree',
      },
      // Its columns, key and sequence are not listed again.
      { object: 'table "Stray"', kind: "unexpected", database: "kind: table" },
      {
        object: 'trigger "AuditEvent_append_only" on "AuditEvent"',
        kind: "missing",
        schema: "fires: BEFORE UPDATE OR DELETE OR TRUNCATE FOR EACH STATEMENT; function: audit_event_append_only",
      },
    ]);
  });
}
