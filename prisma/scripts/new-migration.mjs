#!/usr/bin/env node
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes the
// database from the schema as the last migration left it (prisma/migrations/schema.snapshot.prisma)
// to prisma/schema.prisma, then updates the snapshot.
//
//   node prisma/scripts/new-migration.mjs <name> [--print] [--prisma-dir DIR]
//
//   --print          print the SQL and change nothing
//   --prisma-dir DIR work on another copy of the prisma/ folder (for trying the script out)
//
// Why not `prisma migrate dev`: Prisma 7's CLI downloads a native schema engine from a host we
// cannot reach. Prisma 6.19.3 ships a WebAssembly schema engine that can diff two schema files
// offline, so we install it (once) into node_modules/.cache/prisma6 and use only
// `migrate diff --from-schema-datamodel … --to-schema-datamodel … --script`.
// Check the generated SQL before committing: `pnpm test` proves the migrations produce exactly
// what schema.prisma describes.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PRISMA6_VERSION = "6.19.3";
// The WebAssembly engine runs only through a driver adapter, and connects to its database even
// to diff two files: an in-memory PGlite needs no PostgreSQL server (adapter-pg would).
const PGLITE_VERSION = "0.5.16";
const PGLITE_ADAPTER_VERSION = "0.6.1"; // the last release built for Prisma 6
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function fail(message) {
  console.error(`new-migration: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { name: undefined, print: false, prismaDir: join(repoRoot, "prisma") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--print") options.print = true;
    else if (arg === "--prisma-dir") options.prismaDir = resolve(argv[++i] ?? fail("--prisma-dir needs a folder"));
    else if (arg === "-h" || arg === "--help") {
      console.log("usage: node prisma/scripts/new-migration.mjs <name> [--print] [--prisma-dir DIR]");
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
    else if (options.name === undefined) options.name = arg;
    else fail(`unexpected argument ${arg}`);
  }
  if (!options.name && !options.print) fail("give the migration a name, e.g. `add_topic_tags`");
  if (options.name !== undefined) {
    options.name = options.name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    if (!/^[a-z0-9_]+$/.test(options.name)) fail("the name may contain only letters, digits and _");
  }
  return options;
}

/** Installs Prisma 6 into its own folder once; later runs reuse it. */
function ensurePrisma6() {
  const dir = join(repoRoot, "node_modules", ".cache", "prisma6");
  const cli = join(dir, "node_modules", "prisma", "build", "index.js");
  const installedVersion = () => {
    try {
      return JSON.parse(readFileSync(join(dir, "node_modules", "prisma", "package.json"), "utf8")).version;
    } catch {
      return undefined;
    }
  };
  const adapterInstalled = existsSync(join(dir, "node_modules", "pglite-prisma-adapter", "package.json"));
  if (installedVersion() !== PRISMA6_VERSION || !adapterInstalled) {
    console.error(`new-migration: installing prisma@${PRISMA6_VERSION} into ${relative(process.cwd(), dir)} (once)…`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
    // --ignore-scripts: @prisma/engines' postinstall would try to download native engines.
    // --legacy-peer-deps: the adapter's peer @prisma/client is not needed to diff schemas.
    const npm = spawnSync(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--legacy-peer-deps",
        "--no-package-lock",
        `prisma@${PRISMA6_VERSION}`,
        `@electric-sql/pglite@${PGLITE_VERSION}`,
        `pglite-prisma-adapter@${PGLITE_ADAPTER_VERSION}`,
      ],
      { cwd: dir, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (npm.status !== 0 || installedVersion() !== PRISMA6_VERSION) fail("could not install Prisma 6 with npm");
  }
  writeFileSync(
    join(dir, "prisma.config.ts"),
    `import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPGlite(new PGlite()),
});
`,
  );
  return { dir, cli };
}

/** Prisma 6 wants `url = env(...)` in the datasource and has no use for Prisma 7's generators. */
function toPrisma6Schema(text) {
  const out = [];
  let block = null;
  for (const line of text.split("\n")) {
    const open = /^\s*(generator|datasource)\s+\w+\s*\{/.exec(line);
    if (block === null && open) {
      block = open[1];
      if (block === "datasource") out.push(line);
      continue;
    }
    if (block !== null && /^\s*}/.test(line)) {
      if (block === "datasource") out.push('  url = env("DATABASE_URL")', line);
      block = null;
      continue;
    }
    if (block === "generator") continue;
    if (block === "datasource" && /^\s*url\s*=/.test(line)) continue;
    out.push(line);
  }
  return out.join("\n");
}

function diffSchemas(prisma6, fromText, toText) {
  const work = mkdtempSync(join(tmpdir(), "new-migration-"));
  try {
    const from = join(work, "from.prisma");
    const to = join(work, "to.prisma");
    writeFileSync(from, toPrisma6Schema(fromText));
    writeFileSync(to, toPrisma6Schema(toText));
    const result = spawnSync(
      process.execPath,
      [prisma6.cli, "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
      {
        cwd: prisma6.dir,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          // Never contacted; Prisma 6 only needs the variable to exist.
          DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
          // Any executable stops the CLI from trying to download native engines.
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    if (result.status !== 0) {
      process.stderr.write(result.stderr ?? "");
      fail(`prisma migrate diff failed (exit ${result.status ?? result.signal})`);
    }
    return result.stdout;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function utcStamp(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** Now, but always after the newest existing migration, so folders sort in the order made. */
function nextTimestamp(migrationsDir) {
  const stamps = readdirSync(migrationsDir)
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter(Boolean)
    .sort();
  const now = utcStamp(new Date());
  const last = stamps.at(-1);
  if (last === undefined || now > last) return now;
  const d = last;
  const lastDate = new Date(
    Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(8, 10), +d.slice(10, 12), +d.slice(12, 14)),
  );
  return utcStamp(new Date(lastDate.getTime() + 1000));
}

function isEmptyScript(sql) {
  return (
    sql
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("--")).length === 0
  );
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const schemaPath = join(options.prismaDir, "schema.prisma");
  const migrationsDir = join(options.prismaDir, "migrations");
  const snapshotPath = join(migrationsDir, "schema.snapshot.prisma");
  if (!existsSync(schemaPath)) fail(`${schemaPath} not found`);
  if (!existsSync(snapshotPath)) {
    fail(`${snapshotPath} not found: it must hold the schema as the newest migration leaves it`);
  }

  const prisma6 = ensurePrisma6();
  const schemaText = readFileSync(schemaPath, "utf8");
  const sql = diffSchemas(prisma6, readFileSync(snapshotPath, "utf8"), schemaText);

  if (isEmptyScript(sql)) {
    fail("schema.prisma describes the same database as the last migration: nothing to migrate");
  }
  if (options.print) {
    process.stdout.write(sql);
    return;
  }
  const folder = join(migrationsDir, `${nextTimestamp(migrationsDir)}_${options.name}`);
  mkdirSync(folder);
  writeFileSync(join(folder, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  copyFileSync(schemaPath, snapshotPath);
  console.log(`new-migration: wrote ${relative(process.cwd(), join(folder, "migration.sql"))}`);
  console.log(`new-migration: updated ${relative(process.cwd(), snapshotPath)}`);
  console.log("Read the SQL before committing it (data migrations, renames), then run the schema test: pnpm test");
}

main();
