/**
 * Loads the demo street into the configured database and prints who to sign in as.
 *   DATABASE_URL=postgres://… tsx src/seed/cli.ts   (PostgreSQL)
 *   DATA_DIR=.data/pglite tsx src/seed/cli.ts        (embedded PGlite, the default)
 */
import { resolve } from "node:path";
import { openDatabase } from "../db/database.js";
import { type DemoSummary, seedDemo } from "./demo.js";

/** Terminal columns a string takes: CJK characters are two wide, so the table lines up. */
function columns(text: string): number {
  return [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - columns(text)));
}

function printSummary(summary: DemoSummary, target: string, millis: number): void {
  const verb = summary.created ? `已载入演示数据 (${(millis / 1000).toFixed(1)} s)` : "演示数据已存在,未重复载入";
  console.log(`\n${verb} → ${target}\n`);
  const rows = summary.accounts.map((a) => [a.phone, a.role, a.areaName, a.label]);
  const header = ["手机号 phone", "角色 role", "区域 area", "说明 label"];
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i] ?? ""))));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => pad(cell, widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  console.log("\n登录方式: 输入手机号,获取验证码(开发环境下验证码打印在服务器日志中)。\n");
  console.log(
    Object.entries(summary.counts)
      .map(([name, count]) => `${name}=${count}`)
      .join("  "),
  );
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.DATA_DIR ?? ".data/pglite");
const target = databaseUrl ? databaseUrl.replace(/\/\/[^@/]*@/, "//…@") : dataDir;

const db = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
try {
  const started = performance.now();
  const summary = await seedDemo(db.prisma);
  printSummary(summary, target, performance.now() - started);
} finally {
  await db.close();
}
