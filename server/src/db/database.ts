import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations, type SqlRunner } from "./migrate.js";

export type { PrismaClient };

/** The database of record, whichever engine is behind it. */
export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  /** Raw SQL for the migrator and diagnostics. */
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite folder, or "memory://". */
  dataDir?: string;
  /** Called with every SQL statement Prisma sends (N+1 checks in tests). */
  onQuery?: (sql: string) => void;
  poolSize?: number;
}

/**
 * plugin-prisma passes `select: {}` when a client selects nothing from a record (e.g. only
 * `__typename` of a mutation's result), which Prisma refuses; load the scalars instead.
 */
function withEmptySelectFix(prisma: PrismaClient): PrismaClient {
  return prisma.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const withSelect = args as { select?: Record<string, unknown> } | undefined;
          if (withSelect?.select && Object.keys(withSelect.select).length === 0) delete withSelect.select;
          return query(args);
        },
      },
    },
    // The extension changes no types: callers keep the plain client's API.
  }) as unknown as PrismaClient;
}

/** Opens the database and brings its schema up to date with prisma/migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.url?.startsWith("postgres") ? openPostgres(options) : await openPglite(options);
  await applyMigrations(db.sql);
  return db;
}

/** A Prisma client on the adapter, reporting each statement to `onQuery` when asked. */
function createClient(adapter: PrismaPg | PrismaPGlite, options: DatabaseOptions): PrismaClient {
  if (!options.onQuery) return withEmptySelectFix(new PrismaClient({ adapter }));
  const onQuery = options.onQuery;
  const base = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  // Prisma's query event carries the SQL for driver adapters too; $on exists only before $extends.
  base.$on("query", (event: { query: string }) => onQuery(event.query));
  return withEmptySelectFix(base as unknown as PrismaClient);
}

/** The migrator's raw-SQL surface on a PostgreSQL pool; a transaction holds one connection. */
export function postgresSqlRunner(pool: pg.Pool): SqlRunner {
  return {
    exec: async (text) => {
      await pool.query(text);
    },
    query: async (text, params = []) => (await pool.query(text, params as unknown[])).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async (text, params = []) => (await client.query(text, params as unknown[])).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function openPostgres(options: DatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  const prisma = createClient(new PrismaPg(pool), options);
  return {
    kind: "postgres",
    prisma,
    sql: postgresSqlRunner(pool),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const prisma = createClient(new PrismaPGlite(pglite), options);
  return {
    kind: "pglite",
    prisma,
    sql: {
      exec: async (text) => {
        await pglite.exec(text);
      },
      query: async (text, params = []) => (await pglite.query(text, params as unknown[])).rows as never,
      transaction: (fn) =>
        pglite.transaction((tx) =>
          fn({
            exec: async (text) => {
              await tx.exec(text);
            },
            query: async (text, params = []) => (await tx.query(text, params as unknown[])).rows as never,
          }),
        ),
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
