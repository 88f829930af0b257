// Generates the Prisma client and the Pothos types from prisma/schema.prisma.
// `prisma generate` needs no schema engine, but the CLI insists on one being present and would
// try to download it (unreachable here): point it at any executable instead.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  // The prisma-pothos-types generator is a bin of @pothos/plugin-prisma.
  PATH: `${resolve(serverDir, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
};
const result = spawnSync(
  process.execPath,
  [resolve(serverDir, "node_modules/prisma/build/index.js"), "generate", "--schema", "../prisma/schema.prisma"],
  { cwd: serverDir, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
