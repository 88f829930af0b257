import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { api, inProgress, type SuggestionWorld, submitted, suggestionWorld } from "./testing.js";

// Several people acting on one suggestion at the same moment: exactly one succeeds, the others are
// told it was already done, and the records show it done once. (Run against PostgreSQL with
// TEST_DATABASE_URL=postgres://… to race on real connections; PGlite queues them.)

let t: TestApp;
let w: SuggestionWorld;
let a: ReturnType<typeof api>;

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
  a = api(t);
});

afterAll(async () => {
  await t?.close();
});

type Outcome = { __typename: string; code?: string };

async function race(field: string, args: string, variables: (i: number) => Record<string, unknown>, tokens: string[]) {
  const responses = await Promise.all(tokens.map((token, i) => a.run(field, args, variables(i), token, "id status")));
  return responses.map((r) => r.data?.[field] as Outcome);
}

async function transitions(id: string, toStatus: string) {
  return t.db.prisma.auditEvent.count({
    where: { subjectType: "SUGGESTION", subjectId: Number(id), action: "suggestion.transition", toStatus },
  });
}

describe("two deputies at once", () => {
  it("accept once", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await submitted(t, w);
      const outcomes = await race("acceptSuggestion", "(id: $id)", () => ({ id: s.id }), [
        w.deputy.token,
        w.deputy2.token,
        w.staff.token,
      ]);
      expect(outcomes.filter((o) => o.__typename !== "AppError")).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.__typename === "AppError"))
        expect(["INVALID_TRANSITION", "CONFLICT"]).toContain(o.code);
      expect(await transitions(s.id, "ACCEPTED")).toBe(1);
    }
  });

  it("transfer once, even to different lead departments", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await submitted(t, w);
      await a.accept(w.deputy.token, s.id);
      const leads = [w.chengguan.id, w.fangguan.id, w.paichusuo.id];
      const outcomes = await race(
        "transferSuggestion",
        "(id: $id, transfers: $transfers)",
        (i) => ({ id: s.id, transfers: [{ departmentId: String(leads[i]), role: "LEAD", dueInWorkingDays: 5 + i }] }),
        [w.deputy.token, w.deputy2.token, w.staff.token],
      );
      expect(outcomes.filter((o) => o.__typename !== "AppError")).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.__typename === "AppError"))
        expect(["INVALID_TRANSITION", "CONFLICT"]).toContain(o.code);
      const transfers = await t.db.prisma.suggestionTransfer.findMany({ where: { suggestionId: Number(s.id) } });
      expect(transfers).toHaveLength(1);
      expect(await transitions(s.id, "TRANSFERRED")).toBe(1);
      expect(
        await t.db.prisma.auditEvent.count({
          where: { subjectId: Number(s.id), subjectType: "SUGGESTION", action: "suggestion.transfer" },
        }),
      ).toBe(1);
      // The suggestion's due date is the winner's.
      const row = await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(s.id) } });
      expect(row.dueOn?.getTime()).toBe(transfers[0]?.dueOn.getTime());
    }
  });

  it("close once", async () => {
    const s = await inProgress(t, w);
    await a.reply(w.handler.token, s.id, "已处理完毕");
    await a.rate(w.resident.token, s.id, "BASICALLY_SATISFIED");
    const outcomes = await race("closeSuggestion", "(id: $id)", () => ({ id: s.id }), [
      w.deputy.token,
      w.deputy2.token,
      w.staff.token,
    ]);
    expect(outcomes.filter((o) => o.__typename !== "AppError")).toHaveLength(1);
    expect(await transitions(s.id, "CLOSED")).toBe(1);
    expect((await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(s.id) } })).status).toBe("CLOSED");
  });

  it("a reply by the lead department and one by a deputy: one reply", async () => {
    const s = await inProgress(t, w);
    const responses = await Promise.all([
      a.run("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "部门答复" }, w.handler.token, "id"),
      a.run("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "代表答复" }, w.deputy.token, "id"),
    ]);
    expect(
      responses.filter(
        (r) => (r.data?.replySuggestion as Outcome | undefined)?.__typename === "MutationReplySuggestionSuccess",
      ),
    ).toHaveLength(1);
    expect(await t.db.prisma.suggestionReply.count({ where: { suggestionId: Number(s.id) } })).toBe(1);
    expect(await transitions(s.id, "REPLIED")).toBe(1);
  });

  it("the submitter rating twice at once (a double tap): one rating", async () => {
    const s = await inProgress(t, w);
    await a.reply(w.handler.token, s.id, "已处理");
    const outcomes = await race(
      "rateSuggestion",
      "(id: $id, satisfaction: $satisfaction, comment: $comment)",
      (i) => ({ id: s.id, satisfaction: i === 0 ? "UNSATISFIED" : "SATISFIED", comment: "还没修好" }),
      [w.resident.token, w.resident.token],
    );
    expect(outcomes.filter((o) => o.__typename !== "AppError")).toHaveLength(1);
    expect(await t.db.prisma.suggestionRating.count({ where: { suggestionId: Number(s.id) } })).toBe(1);
    const row = await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(s.id) } });
    expect(row.round).toBe(row.status === "SUPERVISING" ? 2 : 1);
  });
});
