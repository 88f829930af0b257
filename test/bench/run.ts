import { cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import { seedDemo } from "../../server/src/seed/demo.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { createScratchPostgresDatabase, postgresAvailability } from "../support/services.js";

// Measures the foundation's hot paths on the embedded database and, when reachable, PostgreSQL:
// a signed-in page load (`viewer`: session lookup + roles), the staff residents list and the
// public topics list, each for a few seconds at fixed concurrency. Prints figures; asserts nothing.

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

const QUERIES = {
  viewer: "{ viewer { signedIn account { id displayName } roles { id role area { id name } } } }",
  "staff memberships(first: 50)":
    "{ memberships(first: 50) { totalCount edges { node { id status account { displayName phone } household { unit building { name } } } } } }",
  "public topics(first: 20)":
    "{ topics(first: 20) { totalCount edges { node { id title status supportCount council { name } raisedBy { displayName } } } } }",
} as const;

/** How many SQL statements one request sends on an idle server: a list must not grow with its rows. */
async function countStatements(t: TestApp, query: string, token: string) {
  const before = sqlCount;
  await t.gql(query, {}, token);
  return sqlCount - before;
}

async function measure(t: TestApp, name: string, query: string, token: string, statements: number) {
  const result = await autocannon({
    url: `${t.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  const failed = result.errors + result.non2xx;
  console.log(
    `  ${name.padEnd(30)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${statements} SQL/request${failed ? `   ${failed} FAILED` : ""}`,
  );
}

let sqlCount = 0;

async function run(label: string, databaseUrl?: string) {
  const t = await startTestApp({ databaseUrl, onQuery: () => sqlCount++ });
  try {
    const summary = await seedDemo(t.db.prisma);
    const staffPhone = summary.accounts.find((a) => a.role === "STAFF")?.phone ?? "13800000002";
    const token = await t.signIn(staffPhone);
    console.log(`\n${label}: ${summary.counts ? JSON.stringify(summary.counts) : ""}`);
    const statements: number[] = [];
    for (const query of Object.values(QUERIES)) statements.push(await countStatements(t, query, token));
    for (const [i, [name, query]] of Object.entries(QUERIES).entries()) {
      await measure(t, name, query, token, statements[i] ?? 0);
    }
  } finally {
    await t.close();
  }
}

console.log(
  `共治 bench — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `${CONNECTIONS} connections × ${DURATION_SECONDS} s per query`,
);
await run("PGlite (embedded, in memory)");
if ((await postgresAvailability()).available) {
  // The demo seed refuses to run twice; give it a database of its own.
  const scratch = await createScratchPostgresDatabase("bench");
  try {
    await run("PostgreSQL 15 (local)", scratch.url);
  } finally {
    await scratch.drop();
  }
} else {
  console.log("\nPostgreSQL not reachable: skipped.");
}
