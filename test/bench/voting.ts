import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { createClient } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import { createScratchPostgresDatabase, postgresAvailability } from "../support/services.js";

// The voting engine under load, on PostgreSQL, with the server in its own process (so the
// clients' work is not counted as the server's):
//  1. casts per second: every voter of a household vote casts once, CONCURRENCY at a time, then
//     the live tally, the participations and a recount from the ballot rows must all agree;
//  2. live tally delivery: N graphql-ws subscribers watch the vote; for single casts, the time
//     from the cast's commit (its response) to each subscriber receiving the new count.
// Prints figures; asserts only that the counts are exact (a wrong count is not a benchmark).

const VOTERS = Number(process.env.BENCH_VOTERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? "100,1000,5000").split(",").map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const ROOT = resolve(import.meta.dirname, "../..");

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** A street, a compound of VOTERS households with one verified adult each, sessions for all. */
async function seed(url: string) {
  const db = new pg.Client({ connectionString: url });
  db.on("error", () => {});
  await db.connect();
  const q = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const [street] = await q<{ id: number }>(
    `INSERT INTO "Area" (kind, name, path) VALUES ('STREET', '压测街道', 'tmp-s') RETURNING id`,
  );
  await q(`UPDATE "Area" SET path = '/' || id || '/' WHERE id = $1`, [street?.id]);
  const [building] = await q<{ id: number }>(
    `INSERT INTO "Area" (kind, name, "parentId", path) VALUES ('BUILDING', '1号楼', $1, 'tmp-b') RETURNING id`,
    [street?.id],
  );
  await q(`UPDATE "Area" SET path = '/' || $1 || '/' || id || '/' WHERE id = $2`, [street?.id, building?.id]);
  await q(
    `INSERT INTO "Household" ("buildingId", unit, "floorAreaCentiSqm") SELECT $1, n || '室', 6000 + (n % 50) * 100 FROM generate_series(1, $2) n`,
    [building?.id, VOTERS],
  );
  await q(
    `INSERT INTO "Account" (phone, "displayName") SELECT '139' || lpad(n::text, 8, '0'), '居民' || n FROM generate_series(1, $1) n`,
    [VOTERS + 1],
  );
  await q(
    `INSERT INTO "HouseholdMember" ("householdId", "accountId", status)
     SELECT h.id, a.id, 'VERIFIED' FROM "Household" h JOIN "Account" a ON a.phone = '139' || lpad(split_part(h.unit, '室', 1), 8, '0')
     WHERE h."buildingId" = $1`,
    [building?.id],
  );
  const staffPhone = `139${String(VOTERS + 1).padStart(8, "0")}`;
  await q(
    `INSERT INTO "RoleGrant" ("accountId", role, "areaId") SELECT id, 'STAFF', $1 FROM "Account" WHERE phone = $2`,
    [street?.id, staffPhone],
  );
  const accounts = await q<{ id: number; phone: string }>(`SELECT id, phone FROM "Account" ORDER BY id`);
  const tokens = new Map<string, string>();
  const values: string[] = [];
  const params: unknown[] = [];
  for (const account of accounts) {
    const token = randomBytes(24).toString("base64url");
    tokens.set(account.phone, token);
    params.push(hashToken(token), account.id);
    values.push(`(gen_random_uuid(), $${params.length - 1}, $${params.length}, now() + interval '1 day')`);
  }
  await q(`INSERT INTO "Session" (id, "tokenHash", "accountId", "expiresAt") VALUES ${values.join(",")}`, params);
  const raiser = accounts[0]?.id;
  const [council] = await q<{ id: number }>(
    `INSERT INTO "Council" (name, kind, "areaId") VALUES ('压测议事会', 'STREET', $1) RETURNING id`,
    [street?.id],
  );
  const [topic] = await q<{ id: number }>(
    `INSERT INTO "Topic" ("councilId", "areaId", title, body, source, "raisedById", "updatedAt") VALUES ($1, $2, '加装电梯', '…', 'STAFF', $3, now()) RETURNING id`,
    [council?.id, street?.id, raiser],
  );
  await db.end();
  return {
    buildingId: building?.id as number,
    topicId: topic?.id as number,
    staffToken: tokens.get(staffPhone) as string,
    voterTokens: accounts.filter((a) => a.phone !== staffPhone).map((a) => tokens.get(a.phone) as string),
  };
}

async function startServer(url: string): Promise<{ base: string; child: ChildProcess }> {
  const port = 4300 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ["--import", "tsx", resolve(ROOT, "server/src/main.ts")], {
    cwd: resolve(ROOT, "server"),
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
      NODE_ENV: "production",
      APP_SECRET: "bench",
      // The bench makes its sessions itself; no code is ever sent.
      ALLOW_LOG_CODE_SENDER: "true",
    },
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("server did not start");
}

async function gql<T>(base: string, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const CAST = `mutation($v: ID!, $o: [ID!]!) { castBallot(voteId: $v, optionIds: $o) { __typename ... on AppError { code message } } }`;

async function newVote(base: string, s: Awaited<ReturnType<typeof seed>>) {
  const created = await gql<{ createVote: { data: { id: string; options: { id: string }[] } } }>(
    base,
    `mutation($t: ID!, $a: ID!) { createVote(subject: TOPIC, subjectId: $t, title: "加装电梯", question: "是否同意？", ballotType: YES_NO_ABSTAIN,
      countingUnit: HOUSEHOLD, areaId: $a) { ... on MutationCreateVoteSuccess { data { id options { id } } } ... on AppError { message } } }`,
    { t: String(s.topicId), a: String(s.buildingId) },
    s.staffToken,
  );
  const vote = created.createVote.data;
  await gql(
    base,
    `mutation($id: ID!) { transitionVote(id: $id, to: OPEN) { __typename } }`,
    { id: vote.id },
    s.staffToken,
  );
  return vote;
}

async function benchCasts(base: string, s: Awaited<ReturnType<typeof seed>>, url: string) {
  const vote = await newVote(base, s);
  const options = vote.options.map((o) => o.id);
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < s.voterTokens.length) {
        const i = next++;
        const result = await gql<{ castBallot: { __typename: string } }>(
          base,
          CAST,
          { v: vote.id, o: [options[i % 3]] },
          s.voterTokens[i] as string,
        );
        if (result.castBallot.__typename !== "MutationCastBallotSuccess") failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Exactness: live tally = participations = recount of ballot rows.
  const tally = await gql<{ vote: { tally: { participants: number; options: { count: number }[] } } }>(
    base,
    `query($id: ID!) { vote(id: $id) { tally { participants options { count } } } }`,
    { id: vote.id },
    s.staffToken,
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const [{ count: recount }] = (
    await db.query(`SELECT COUNT(*)::int AS count FROM "Ballot" WHERE "voteId" = $1`, [Number(vote.id)])
  ).rows;
  await db.end();
  const counted = tally.vote.tally.options.reduce((sum, o) => sum + o.count, 0);
  const exact =
    failures === 0 &&
    tally.vote.tally.participants === s.voterTokens.length &&
    counted === s.voterTokens.length &&
    recount === s.voterTokens.length;
  console.log(
    `  casts: ${s.voterTokens.length} voters, ${CONCURRENCY} at a time: ${Math.round(s.voterTokens.length / seconds)} casts/s ` +
      `(${seconds.toFixed(1)} s); tally ${counted}, participants ${tally.vote.tally.participants}, ballots ${recount}: ${exact ? "exact" : "MISMATCH"}`,
  );
  if (!exact) process.exitCode = 1;
}

async function benchDelivery(base: string, s: Awaited<ReturnType<typeof seed>>, subscribers: number) {
  const vote = await newVote(base, s);
  const wsUrl = `${base.replace("http", "ws")}/graphql`;
  const arrivals = new Map<number, number[]>(); // version → arrival times
  const clients = Array.from({ length: subscribers }, () =>
    createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => {} }),
  );
  let ready = 0;
  await new Promise<void>((done, fail) => {
    for (const client of clients) {
      let first = true;
      client.subscribe<{ voteTally: { version: number } }>(
        {
          query: `subscription($v: ID!) { voteTally(voteId: $v) { version participants } }`,
          variables: { v: vote.id },
        },
        {
          next: (value) => {
            const now = performance.now();
            if (first) {
              first = false;
              if (++ready === subscribers) done();
              return;
            }
            const version = value.data?.voteTally.version ?? -1;
            const list = arrivals.get(version) ?? [];
            list.push(now);
            arrivals.set(version, list);
          },
          error: fail,
          complete: () => {},
        },
      );
    }
  });
  // The commit happens between the cast's request and its response: the latency from commit to a
  // client lies between "from the response" (a lower bound) and "from the request" (an upper one).
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  let missing = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const sent = performance.now();
    await gql(base, CAST, { v: vote.id, o: [vote.options[0]?.id] }, s.voterTokens[i] as string);
    const answered = performance.now();
    const version = i + 1;
    // Wait until every subscriber has this version (or 10 s).
    const deadline = answered + 10_000;
    while ((arrivals.get(version)?.length ?? 0) < subscribers && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    const got = arrivals.get(version) ?? [];
    missing += subscribers - got.length;
    for (const at of got) {
      fromResponse.push(at - answered);
      fromRequest.push(at - sent);
    }
  }
  for (const client of clients) await client.dispose();
  fromResponse.sort((x, y) => x - y);
  fromRequest.sort((x, y) => x - y);
  const figures = (list: number[]) =>
    `p50 ${percentile(list, 50).toFixed(1)} ms, p99 ${percentile(list, 99).toFixed(1)} ms, max ${percentile(list, 100).toFixed(1)} ms`;
  console.log(
    `  live tally to ${String(subscribers).padStart(5)} subscribers over ${SAMPLES} casts — from the cast's response: ` +
      `${figures(fromResponse)}; from its request: ${figures(fromRequest)}` +
      (missing ? `; ${missing} deliveries MISSING` : ""),
  );
  // A subscriber that never got a count is a failure, not a figure.
  if (missing) process.exitCode = 1;
}

console.log(
  `共治 voting bench — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
if (!(await postgresAvailability()).available) {
  console.log("PostgreSQL not reachable: the voting bench needs it.");
} else {
  const scratch = await createScratchPostgresDatabase("voting_bench");
  let child: ChildProcess | undefined;
  try {
    // The server migrates the empty database on start; seed after.
    const server = await startServer(scratch.url);
    child = server.child;
    const s = await seed(scratch.url);
    await benchCasts(server.base, s, scratch.url);
    for (const n of SUBSCRIBERS) await benchDelivery(server.base, s, n);
  } catch (error) {
    console.error("bench failed:", error);
    process.exitCode = 1;
  } finally {
    child?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await scratch.drop();
  }
}
