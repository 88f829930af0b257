import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { addDays, toDbDate, today } from "./calendar.js";
import { type SuggestionWorld, suggestionWorld } from "./testing.js";

// Guard against N+1: the workbench lists, with what each row shows (flags, the viewer's actions,
// transfers and their departments), cost the same few SQL statements for 4 rows as for 20.

let t: TestApp;
let recording: string[] | null = null;

beforeAll(async () => {
  t = await startTestApp({ onQuery: (sql) => recording?.push(sql) });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** A post with `rows` transferred suggestions, each with a lead and a co-handler. */
async function postWith(rows: number): Promise<SuggestionWorld> {
  const w = await suggestionWorld(t);
  const prisma = t.db.prisma;
  for (let i = 0; i < rows; i++) {
    const s = await prisma.suggestion.create({
      data: {
        postId: w.post.id,
        areaId: w.post.areaId,
        category: "CITY_APPEARANCE",
        title: `第${i}条${uniqueSuffix()}`,
        content: "……",
        channel: "ONLINE",
        submitterId: w.resident.account.id,
        status: "TRANSFERRED",
        acceptedAt: new Date(),
        dueOn: toDbDate(addDays(today(), i - 2)),
      },
    });
    await prisma.suggestionTransfer.createMany({
      data: [
        {
          suggestionId: s.id,
          departmentId: w.chengguan.id,
          role: "LEAD",
          round: 1,
          dueOn: toDbDate(addDays(today(), i - 2)),
          transferredById: w.deputy.account.id,
        },
        {
          suggestionId: s.id,
          departmentId: w.fangguan.id,
          role: "CO",
          round: 1,
          dueOn: toDbDate(addDays(today(), i)),
          transferredById: w.deputy.account.id,
        },
      ],
    });
  }
  return w;
}

/** Statements of the request, leaving out the background clocks' (votes, deadlines), which may tick meanwhile. */
function ours(statements: string[]) {
  return statements.filter(
    (sql) =>
      !sql.includes('"Vote"') &&
      !sql.includes("WITH computed") &&
      !sql.includes('"remindedAt" IS NULL') &&
      !sql.includes('"overdueNotifiedAt" IS NULL'),
  );
}

async function statementsFor(query: string, token: string) {
  recording = [];
  try {
    const response = await t.gql(query, {}, token);
    expect(response.errors).toBeUndefined();
    return ours(recording);
  } finally {
    recording = null;
  }
}

const INBOX = `{ deputyInbox(first: 50) { totalCount edges { node {
  id title status dueOn overdue dueSoon workingDaysLeft viewerActions viewerFollows submitterName submitterPhone
  post { name } area { name }
  currentTransfers { id role status dueOn overdue dueSoon workingDaysLeft viewerActions department { name } }
} } } }`;

const QUEUE = `{ departmentQueue(first: 50) { totalCount edges { node {
  id role status dueOn overdue dueSoon workingDaysLeft viewerActions department { name }
  suggestion { id title status submitterPhone post { name } }
} } } }`;

const STAFF = `{ staffSuggestions(first: 50) { totalCount edges { node {
  id title status overdue dueSoon viewerActions post { name } currentTransfers { department { name } }
} } } }`;

describe("the workbench lists", () => {
  it("send as many SQL statements for 20 rows as for 4", async () => {
    const small = await postWith(4);
    const large = await postWith(20);
    for (const [name, query, token] of [
      ["deputyInbox", INBOX, (w: SuggestionWorld) => w.deputy.token],
      ["departmentQueue", QUEUE, (w: SuggestionWorld) => w.handler.token],
      ["staffSuggestions", STAFF, (w: SuggestionWorld) => w.staff.token],
    ] as const) {
      const few = await statementsFor(query, token(small));
      const many = await statementsFor(query, token(large));
      const context = `${name}\n4 rows:\n${few.join("\n")}\n20 rows:\n${many.join("\n")}`;
      expect(many.length, context).toBe(few.length);
      expect(many.length, context).toBeLessThanOrEqual(8);
    }
  });
});
