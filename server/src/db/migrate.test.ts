import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.js";
import { applyMigrations, type Migration, readMigrations } from "./migrate.js";

// The migrator on PGlite. Two migrators at once need two connections to one database, which
// PGlite cannot give: that test is in test/postgres/migrator.test.ts.

const migration = (name: string, sql: string): Migration => ({
  name,
  sql,
  checksum: createHash("sha256").update(sql).digest("hex"),
});

const recorded = async (db: Database) =>
  (
    await db.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    )
  ).map((row) => row.migration_name);

const tableExists = async (db: Database, table: string) =>
  (await db.sql.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`public.${table}`]))[0]
    ?.found != null;

describe("applyMigrations on PGlite", () => {
  let db: Database;
  const shipped = readMigrations();

  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://" });
  });

  afterAll(async () => {
    await db?.close();
  });

  it("has recorded every shipped migration once, when the database was opened", async () => {
    expect(shipped.length).toBeGreaterThan(0);
    expect(await recorded(db)).toEqual(shipped.map((m) => m.name));
  });

  it("applies nothing when run again", async () => {
    expect(await applyMigrations(db.sql)).toEqual([]);
    expect(await recorded(db)).toEqual(shipped.map((m) => m.name));
  });

  it("applies a new migration once, and records its checksum", async () => {
    const added = migration("29990101000000_migrator_test_once", `CREATE TABLE "MigratorOnce" (id INT PRIMARY KEY);`);
    expect(await applyMigrations(db.sql, [...shipped, added])).toEqual([added.name]);
    expect(await applyMigrations(db.sql, [...shipped, added])).toEqual([]);
    const [row] = await db.sql.query<{ checksum: string; finished_at: Date | null }>(
      `SELECT checksum, finished_at FROM "_prisma_migrations" WHERE migration_name = $1`,
      [added.name],
    );
    expect(row?.checksum).toBe(added.checksum);
    expect(row?.finished_at).not.toBeNull();
  });

  it("refuses a migration edited after it was applied, and then applies nothing else either", async () => {
    const first = shipped[0] as Migration;
    const edited = migration(first.name, `${first.sql}\n-- edited afterwards\n`);
    const later = migration("29990101000001_migrator_test_after_edit", `CREATE TABLE "AfterEdit" (id INT);`);
    await expect(applyMigrations(db.sql, [edited, ...shipped.slice(1), later])).rejects.toThrow(
      new RegExp(`${first.name} was changed after it was applied`),
    );
    expect(await recorded(db)).not.toContain(later.name);
    expect(await tableExists(db, "AfterEdit")).toBe(false);
  });

  it("runs one run's migrations in one transaction: a failing one undoes those before it", async () => {
    const good = migration("29990101000002_migrator_test_good", `CREATE TABLE "GoodBeforeBad" (id INT);`);
    const bad = migration("29990101000003_migrator_test_bad", `ALTER TABLE "NoSuchTable" ADD COLUMN x INT;`);
    await expect(applyMigrations(db.sql, [...shipped, good, bad])).rejects.toThrow(/NoSuchTable/);
    expect(await tableExists(db, "GoodBeforeBad")).toBe(false);
    const names = await recorded(db);
    expect(names).not.toContain(good.name);
    expect(names).not.toContain(bad.name);
  });
});

describe("an embedded database in a DATA_DIR folder", () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "gongzhi-pglite-"));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps its data when closed and opened again, and is not migrated twice", async () => {
    const dataDir = join(folder, "pglite");
    const first = await openDatabase({ dataDir });
    const area = await first.prisma.area.create({ data: { kind: "DISTRICT", name: "浦东新区", path: "/kept/" } });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await second.prisma.area.findUnique({ where: { id: area.id } })).toMatchObject({
        name: "浦东新区",
        path: "/kept/",
      });
      expect(await applyMigrations(second.sql)).toEqual([]);
      expect(await recorded(second)).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await second.close();
    }
  });
});
