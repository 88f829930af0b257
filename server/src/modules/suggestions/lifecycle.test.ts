import { describe, expect, it } from "vitest";
import { canTransition } from "../../lifecycle.js";
import { uniquePhone } from "../../testing/factories.js";
import type { TestApp } from "../../testing/harness.js";
import { suggestionLifecycle } from "./lifecycle.js";
import {
  api,
  inProgress,
  probeSuggestion,
  type SuggestionApi,
  type SuggestionWorld,
  submitted,
  transferred,
  untilListening,
  useSuggestionSuite,
} from "./testing.js";

// The lifecycle through the API: every step by the person whose step it is, each recorded on the
// timeline; every out-of-turn step refused with a code, changing nothing.

let t: TestApp;
let w: SuggestionWorld;
let a: SuggestionApi;
useSuggestionSuite((suite) => {
  ({ t, w, a } = suite);
});

async function statusOf(id: string) {
  return (await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(id) } })).status;
}

async function auditCount(id: string) {
  return t.db.prisma.auditEvent.count({ where: { subjectType: "SUGGESTION", subjectId: Number(id) } });
}

async function notificationsOf(accountId: number, suggestionId: string) {
  return t.db.prisma.notification.findMany({
    where: { recipientId: accountId, subjectType: "SUGGESTION", subjectId: Number(suggestionId) },
    orderBy: { id: "asc" },
  });
}

describe("the lifecycle table", () => {
  it("has final states with no way out and nothing that leads back to SUBMITTED", () => {
    expect(suggestionLifecycle.CLOSED).toEqual([]);
    expect(suggestionLifecycle.DECLINED).toEqual([]);
    for (const from of Object.keys(suggestionLifecycle) as (keyof typeof suggestionLifecycle)[]) {
      expect(canTransition(suggestionLifecycle, from, "SUBMITTED")).toBe(false);
    }
    expect(canTransition(suggestionLifecycle, "ACCEPTED", "REPLIED")).toBe(false);
    expect(canTransition(suggestionLifecycle, "TRANSFERRED", "REPLIED")).toBe(false);
  });
});

describe("a suggestion from submission to 办结, through a 不满意 and a supervised second round", () => {
  it("goes through every step, with who and when on the timeline", async () => {
    const s = await submitted(t, w);
    expect(s).toMatchObject({ status: "SUBMITTED", round: 1, viewerActions: [] });
    // The resident follows it; the post's deputies are told.
    expect(
      await t.db.prisma.follow.count({ where: { accountId: w.resident.account.id, subjectId: Number(s.id) } }),
    ).toBe(1);
    expect((await notificationsOf(w.deputy.account.id, s.id)).map((n) => n.kind)).toEqual(["suggestion.submitted"]);
    expect((await a.read(w.deputy.token, s.id))?.viewerActions).toEqual(["ACCEPT", "DECLINE"]);

    const accepted = await a.accept(w.deputy.token, s.id);
    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.viewerActions).toEqual(["TRANSFER"]);

    const moved = await a.transfer(w.deputy.token, s.id, [
      { departmentId: String(w.chengguan.id), role: "LEAD", dueInWorkingDays: 10 },
      { departmentId: String(w.fangguan.id), role: "CO", dueInWorkingDays: 5 },
    ]);
    expect(moved.status).toBe("TRANSFERRED");
    expect(moved.currentTransfers.map((tr) => [tr.role, tr.status])).toEqual([
      ["LEAD", "PENDING"],
      ["CO", "PENDING"],
    ]);
    // The suggestion's due date is the earliest open one: the co-handler's 5 working days.
    const coDue = moved.currentTransfers[1]?.dueOn;
    expect(moved.dueOn).toBe(coDue);
    expect(moved.workingDaysLeft).toBe(5);
    expect(moved.viewerActions).toEqual(["ADD_TRANSFER"]);
    expect((await notificationsOf(w.handler.account.id, s.id)).map((n) => n.kind)).toEqual(["suggestion.transferred"]);

    const leadId = moved.currentTransfers[0]?.id as string;
    const coId = moved.currentTransfers[1]?.id as string;
    const queue = await t.gql<{ departmentQueue: { edges: { node: { id: string; viewerActions: string[] } }[] } }>(
      `{ departmentQueue(first: 10) { edges { node { id viewerActions } } } }`,
      {},
      w.handler.token,
    );
    expect(queue.data?.departmentQueue.edges.map((e) => e.node)).toContainEqual({
      id: leadId,
      viewerActions: ["ACKNOWLEDGE", "UPDATE", "RETURN"],
    });

    // The lead department posts progress: that signs for it; the suggestion is in progress.
    const progress = await a.update(w.handler.token, leadId, "已派人现场查看，正在联系供电所");
    expect(progress).toMatchObject({ status: "IN_PROGRESS", updates: [{ body: "已派人现场查看，正在联系供电所" }] });
    expect(await statusOf(s.id)).toBe("IN_PROGRESS");
    expect((await notificationsOf(w.resident.account.id, s.id)).map((n) => n.kind)).toContain("suggestion.progress");

    // The co-handler signs for and finishes its part.
    await a.acknowledge(w.coHandler.token, coId);
    const done = await a.ok(
      "completeTransfer",
      "(transferId: $transferId)",
      { transferId: coId },
      w.coHandler.token,
      "id status completedAt",
    );
    expect(done).toMatchObject({ status: "DONE" });

    const replied = await a.reply(w.handler.token, s.id, "路灯已修复。");
    expect(replied.status).toBe("REPLIED");
    expect(replied.dueOn).toBeNull();
    expect(replied.currentTransfers.map((tr) => tr.status)).toEqual(["DONE", "DONE"]);
    expect((await a.read(w.resident.token, s.id))?.viewerActions).toEqual(["RATE"]);
    expect((await notificationsOf(w.resident.account.id, s.id)).map((n) => n.kind)).toContain("suggestion.replied");

    // 不满意 reopens it under supervision, for another round.
    const unhappy = await a.fail(
      "rateSuggestion",
      "(id: $id, satisfaction: $satisfaction)",
      { id: s.id, satisfaction: "UNSATISFIED" },
      w.resident.token,
    );
    expect(unhappy).toMatchObject({ code: "VALIDATION", field: "comment" });
    const supervising = await a.rate(w.resident.token, s.id, "UNSATISFIED", "只修了一盏，北段还有两盏不亮");
    expect(supervising).toMatchObject({ status: "SUPERVISING", round: 2, dueOn: null });
    expect((await notificationsOf(w.deputy.account.id, s.id)).map((n) => n.kind)).toContain("suggestion.supervising");
    expect((await a.read(w.deputy.token, s.id))?.viewerActions).toEqual(["TRANSFER"]);

    const second = await a.transfer(w.deputy.token, s.id, [
      { departmentId: String(w.chengguan.id), role: "LEAD", dueOn: "2099-12-31" },
    ]);
    expect(second).toMatchObject({ status: "SUPERVISING", round: 2, dueOn: "2099-12-31" });
    expect(second.currentTransfers).toHaveLength(1);
    // Replying before the department has signed for the supervised round is out of turn.
    expect(
      await a.fail("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "x" }, w.deputy.token),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    await a.update(w.handler.token, second.currentTransfers[0]?.id as string, "北段两盏已更换");
    const reply2 = await a.reply(w.deputy.token, s.id, "经督办，北段路灯已全部修复。");
    expect(reply2).toMatchObject({ status: "REPLIED", round: 2 });

    const rated = await a.rate(w.resident.token, s.id, "SATISFIED");
    expect(rated).toMatchObject({ status: "RATED" });
    expect((await a.read(w.deputy.token, s.id))?.viewerActions).toEqual(["CLOSE"]);
    const closed = await a.close(w.deputy.token, s.id);
    expect(closed).toMatchObject({ status: "CLOSED", viewerActions: [] });

    // The public timeline: every status, in order, with who acted — but not the resident.
    const timeline = await t.gql<{
      suggestion: { timeline: { fromStatus: string | null; toStatus: string; actor: { id: string } | null }[] };
    }>(`query($id: ID!) { suggestion(id: $id) { timeline { fromStatus toStatus actor { id } } } }`, { id: s.id });
    const steps = timeline.data?.suggestion.timeline ?? [];
    expect(steps.map((e) => e.toStatus)).toEqual([
      "SUBMITTED",
      "ACCEPTED",
      "TRANSFERRED",
      "IN_PROGRESS",
      "REPLIED",
      "RATED",
      "SUPERVISING",
      "REPLIED",
      "RATED",
      "CLOSED",
    ]);
    for (let i = 1; i < steps.length; i++) expect(steps[i]?.fromStatus).toBe(steps[i - 1]?.toStatus);
    expect(steps[0]?.actor).toBeNull(); // the submitter, hidden from the public
    expect(steps[1]?.actor?.id).toBe(String(w.deputy.account.id));
    expect(steps[3]?.actor?.id).toBe(String(w.handler.account.id));

    // Handlers see every step, internal ones too, with the department and reasons.
    const history = await t.gql<{
      suggestion: {
        history: { action: string; actorRole: string; departmentName: string | null; reason: string | null }[];
      };
    }>(
      `query($id: ID!) { suggestion(id: $id) { history { action actorRole departmentName reason } } }`,
      { id: s.id },
      w.staff.token,
    );
    const actions = history.data?.suggestion.history ?? [];
    expect(actions.filter((e) => e.action === "suggestion.transfer").map((e) => e.departmentName)).toEqual([
      w.chengguan.name,
      w.fangguan.name,
      w.chengguan.name,
    ]);
    expect(actions.find((e) => e.action === "suggestion.completeTransfer")).toMatchObject({
      actorRole: "DEPARTMENT",
      departmentName: w.fangguan.name,
    });
    expect(actions.some((e) => e.reason === "只修了一盏，北段还有两盏不亮")).toBe(true);
    // …and the public sees none of that.
    const outsider = await t.gql<{ suggestion: { history: unknown[] } }>(
      `query($id: ID!) { suggestion(id: $id) { history { action } } }`,
      { id: s.id },
      w.neighbour.token,
    );
    expect(outsider.data?.suggestion.history).toEqual([]);

    const replies = await t.gql<{
      suggestion: { replies: { round: number; body: string; department: { id: string } | null }[] };
    }>(`query($id: ID!) { suggestion(id: $id) { replies { round body department { id } } } }`, { id: s.id });
    expect(replies.data?.suggestion.replies).toEqual([
      { round: 1, body: "路灯已修复。", department: { id: String(w.chengguan.id) } },
      { round: 2, body: "经督办，北段路灯已全部修复。", department: null },
    ]);
  });
});

describe("out of turn", () => {
  it("refuses a reply before any transfer, and before a department has signed for it", async () => {
    const s = await submitted(t, w);
    expect(
      await a.fail("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "已处理" }, w.deputy.token),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    await a.accept(w.deputy.token, s.id);
    expect(
      await a.fail("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "已处理" }, w.deputy.token),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    const before = await auditCount(s.id);
    expect(
      await a.fail("replySuggestion", "(id: $id, body: $body)", { id: s.id, body: "已处理" }, w.handler.token),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await statusOf(s.id)).toBe("TRANSFERRED");
    expect(await auditCount(s.id)).toBe(before);
    expect(await t.db.prisma.suggestionReply.count({ where: { suggestionId: Number(s.id) } })).toBe(0);
  });

  it("lets only the submitter rate, and only a reply", async () => {
    const s = await inProgress(t, w);
    expect(
      await a.fail(
        "rateSuggestion",
        "(id: $id, satisfaction: $satisfaction)",
        { id: s.id, satisfaction: "SATISFIED" },
        w.resident.token,
      ),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await a.reply(w.handler.token, s.id, "已处理");
    for (const token of [w.deputy.token, w.neighbour.token, w.staff.token, w.handler.token]) {
      expect(
        await a.fail(
          "rateSuggestion",
          "(id: $id, satisfaction: $satisfaction)",
          { id: s.id, satisfaction: "SATISFIED" },
          token,
        ),
      ).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await statusOf(s.id)).toBe("REPLIED");
    expect(await t.db.prisma.suggestionRating.count({ where: { suggestionId: Number(s.id) } })).toBe(0);
    const anonymous = await t.gql<{ rateSuggestion: { __typename: string; code?: string } }>(
      `mutation($id: ID!) { rateSuggestion(id: $id, satisfaction: SATISFIED) { __typename ... on AppError { code } } }`,
      { id: s.id },
    );
    expect(anonymous.data?.rateSuggestion).toMatchObject({ __typename: "AppError", code: "UNAUTHENTICATED" });
  });

  it("refuses a department acting on a suggestion not transferred to it, changing nothing", async () => {
    const s = await transferred(t, w);
    const leadId = s.currentTransfers[0]?.id as string;
    const before = {
      audit: await auditCount(s.id),
      transfer: await t.db.prisma.suggestionTransfer.findUniqueOrThrow({ where: { id: Number(leadId) } }),
    };
    const attempts: [string, string, Record<string, unknown>][] = [
      ["acknowledgeTransfer", "(transferId: $transferId)", { transferId: leadId }],
      ["postSuggestionUpdate", "(transferId: $transferId, body: $body)", { transferId: leadId, body: "我们来办" }],
      ["returnTransfer", "(transferId: $transferId, reason: $reason)", { transferId: leadId, reason: "不归我们管" }],
      ["completeTransfer", "(transferId: $transferId)", { transferId: leadId }],
    ];
    for (const [field, args, vars] of attempts) {
      expect(await a.fail(field, args, vars, w.otherHandler.token, "id")).toMatchObject({ code: "FORBIDDEN" });
    }
    for (const [field, args] of [
      ["replySuggestion", "(id: $id, body: $body)"],
      ["acceptSuggestion", "(id: $id)"],
      ["closeSuggestion", "(id: $id)"],
    ] as const) {
      expect(
        await a.fail(
          field,
          args,
          field === "replySuggestion" ? { id: s.id, body: "已答复" } : { id: s.id },
          w.otherHandler.token,
        ),
      ).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // A deputy of another post cannot handle it either.
    expect(
      await a.fail(
        "transferSuggestion",
        "(id: $id, transfers: $transfers)",
        { id: s.id, transfers: [{ departmentId: String(w.paichusuo.id), role: "CO" }] },
        w.otherDeputy.token,
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await statusOf(s.id)).toBe("TRANSFERRED");
    expect(await auditCount(s.id)).toBe(before.audit);
    expect(await t.db.prisma.suggestionTransfer.findUniqueOrThrow({ where: { id: Number(leadId) } })).toEqual(
      before.transfer,
    );
    expect(await t.db.prisma.suggestionUpdate.count({ where: { transferId: Number(leadId) } })).toBe(0);
  });

  it("declines only with a reason, and a declined suggestion is final", async () => {
    const s = await submitted(t, w);
    const noReason = await a.fail(
      "declineSuggestion",
      "(id: $id, reason: $reason)",
      { id: s.id, reason: "  " },
      w.deputy.token,
    );
    expect(noReason).toMatchObject({ code: "VALIDATION", field: "reason" });
    const declined = await a.ok(
      "declineSuggestion",
      "(id: $id, reason: $reason)",
      { id: s.id, reason: "属于司法程序，不予受理" },
      w.deputy.token,
      "id status declineReason declinedAt",
    );
    expect(declined).toMatchObject({ status: "DECLINED", declineReason: "属于司法程序，不予受理" });
    expect(await a.fail("acceptSuggestion", "(id: $id)", { id: s.id }, w.deputy.token)).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect((await notificationsOf(w.resident.account.id, s.id)).map((n) => n.kind)).toContain("suggestion.declined");
  });

  it("does not close a replied suggestion before the submitter had time to rate it", async () => {
    const s = await inProgress(t, w);
    await a.reply(w.handler.token, s.id, "已处理");
    expect(await a.fail("closeSuggestion", "(id: $id)", { id: s.id }, w.deputy.token)).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    // Ten days later (weekends and holidays or not, at least five working days), it may close unrated.
    await t.db.prisma.suggestionReply.updateMany({
      where: { suggestionId: Number(s.id) },
      data: { createdAt: new Date(Date.now() - 20 * 86_400_000) },
    });
    expect((await a.close(w.deputy.token, s.id)).status).toBe("CLOSED");
  });
});

describe("departments sending a transfer back", () => {
  it("returns it to ACCEPTED when the whole round was sent back; the deputies are told", async () => {
    const s = await transferred(t, w, { co: true });
    const [lead, co] = s.currentTransfers;
    await a.ok(
      "returnTransfer",
      "(transferId: $transferId, reason: $reason)",
      { transferId: lead?.id, reason: "不属于城管职责" },
      w.handler.token,
      "id status returnReason",
    );
    // The co-handler is still on it: still transferred, but no lead — the deputy may add one.
    expect(await statusOf(s.id)).toBe("TRANSFERRED");
    expect((await a.read(w.deputy.token, s.id))?.viewerActions).toEqual(["ADD_TRANSFER"]);
    expect((await notificationsOf(w.deputy.account.id, s.id)).map((n) => n.kind)).toContain("suggestion.returned");
    await a.ok(
      "returnTransfer",
      "(transferId: $transferId, reason: $reason)",
      { transferId: co?.id, reason: "同上" },
      w.coHandler.token,
      "id status",
    );
    const back = await a.read(w.deputy.token, s.id);
    expect(back).toMatchObject({ status: "ACCEPTED", dueOn: null, viewerActions: ["TRANSFER"] });
    // Transferred again — to the department that sent it back too: a new transfer, the returned
    // one kept as it was.
    const again = await a.transfer(w.deputy.token, s.id, [
      { departmentId: String(w.paichusuo.id), role: "LEAD" },
      { departmentId: String(w.chengguan.id), role: "CO" },
    ]);
    expect(again.status).toBe("TRANSFERRED");
    expect(again.currentTransfers.map((tr) => [tr.department.id, tr.role, tr.status])).toEqual([
      [String(w.chengguan.id), "LEAD", "RETURNED"],
      [String(w.fangguan.id), "CO", "RETURNED"],
      [String(w.paichusuo.id), "LEAD", "PENDING"],
      [String(w.chengguan.id), "CO", "PENDING"],
    ]);
    const returnedFirst = await t.db.prisma.suggestionTransfer.findUniqueOrThrow({ where: { id: Number(lead?.id) } });
    expect(returnedFirst).toMatchObject({ status: "RETURNED", returnReason: "不属于城管职责", attempt: 1 });
    expect(returnedFirst.returnedAt).not.toBeNull();
  });

  it("adds a new lead after the lead sent it back, but never a second lead", async () => {
    const s = await transferred(t, w, { co: true });
    const twoLeads = await a.fail(
      "addSuggestionTransfers",
      "(id: $id, transfers: $transfers)",
      { id: s.id, transfers: [{ departmentId: String(w.paichusuo.id), role: "LEAD" }] },
      w.deputy.token,
    );
    expect(twoLeads).toMatchObject({ code: "CONFLICT", field: "transfers" });
    await a.ok(
      "returnTransfer",
      "(transferId: $transferId, reason: $reason)",
      { transferId: s.currentTransfers[0]?.id, reason: "非本部门职责" },
      w.handler.token,
      "id",
    );
    const added = await a.ok(
      "addSuggestionTransfers",
      "(id: $id, transfers: $transfers)",
      { id: s.id, transfers: [{ departmentId: String(w.paichusuo.id), role: "LEAD", dueInWorkingDays: 3 }] },
      w.deputy.token,
    );
    expect(added.status).toBe("TRANSFERRED");
    expect(added.currentTransfers.filter((tr) => tr.role === "LEAD" && tr.status !== "RETURNED")).toHaveLength(1);
  });

  it("validates the transfer: one lead, known departments serving the area, due dates not in the past", async () => {
    const s = await submitted(t, w);
    await a.accept(w.deputy.token, s.id);
    const cases: [Record<string, unknown>[], string][] = [
      [[{ departmentId: String(w.chengguan.id), role: "CO" }], "transfers"],
      [
        [
          { departmentId: String(w.chengguan.id), role: "LEAD" },
          { departmentId: String(w.chengguan.id), role: "CO" },
        ],
        "transfers.1.departmentId",
      ],
      [[{ departmentId: "999999", role: "LEAD" }], "transfers.0.departmentId"],
      [[{ departmentId: String(w.chengguan.id), role: "LEAD", dueOn: "2001-01-01" }], "transfers.0.dueOn"],
      [[{ departmentId: String(w.chengguan.id), role: "LEAD", dueInWorkingDays: 0 }], "transfers.0.dueInWorkingDays"],
    ];
    for (const [transfers, field] of cases) {
      expect(
        await a.fail("transferSuggestion", "(id: $id, transfers: $transfers)", { id: s.id, transfers }, w.deputy.token),
      ).toMatchObject({
        code: "VALIDATION",
        field,
      });
    }
    // A department of another street does not serve it.
    const elsewhere = await t.db.prisma.department.create({
      data: { name: `外区城管${Date.now()}`, areaId: w.tree.jinju.neighbourhood.id },
    });
    expect(
      await a.fail(
        "transferSuggestion",
        "(id: $id, transfers: $transfers)",
        { id: s.id, transfers: [{ departmentId: String(elsewhere.id), role: "LEAD" }] },
        w.deputy.token,
      ),
    ).toMatchObject({ code: "VALIDATION", field: "transfers.0.departmentId" });
    expect(await statusOf(s.id)).toBe("ACCEPTED");
  });
});

describe("recording a suggestion at a reception", () => {
  const RECORD = `mutation($input: RecordSuggestionInput!) { recordSuggestion(input: $input) { __typename ... on AppError { code field }
    ... on MutationRecordSuggestionSuccess { data { id status channel submitterName submitterPhone viewerIsHandler submitter { id } } } } }`;
  type Recorded = {
    recordSuggestion: {
      __typename: string;
      code?: string;
      field?: string;
      data?: {
        id: string;
        status: string;
        channel: string;
        submitterName: string | null;
        submitterPhone: string | null;
        submitter: { id: string } | null;
      };
    };
  };

  it("links it to the resident's account by phone: they follow it and may rate it", async () => {
    const day = await t.db.prisma.receptionDay.create({
      data: { postId: w.post.id, startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), place: "联络站" },
    });
    const result = await t.gql<Recorded>(
      RECORD,
      {
        input: {
          receptionDayId: String(day.id),
          phone: w.neighbour.phone,
          name: "李阿姨",
          category: "ELDERLY_SERVICES",
          title: "希望增加助餐点",
          content: "老人吃饭不方便",
          allowPublish: false,
        },
      },
      w.deputy.token,
    );
    const s = result.data?.recordSuggestion.data;
    expect(s).toMatchObject({
      status: "ACCEPTED",
      channel: "RECEPTION",
      submitter: { id: String(w.neighbour.account.id) },
      submitterName: "李阿姨",
    });
    const mine = await t.gql<{ mySuggestions: { edges: { node: { id: string } }[] } }>(
      `{ mySuggestions(first: 50) { edges { node { id } } } }`,
      {},
      w.neighbour.token,
    );
    expect(mine.data?.mySuggestions.edges.map((e) => e.node.id)).toContain(s?.id);
    expect((await notificationsOf(w.neighbour.account.id, s?.id as string)).map((n) => n.kind)).toEqual([
      "suggestion.recorded",
    ]);
  });

  it("keeps the name and phone of someone without an account, private to handlers", async () => {
    const phone = uniquePhone();
    const result = await t.gql<Recorded>(
      RECORD,
      {
        input: {
          postId: String(w.post.id),
          phone,
          name: "王师傅",
          category: "TRANSPORT",
          title: "路口缺红绿灯",
          content: "上下学很危险",
          allowPublish: true,
          accept: false,
        },
      },
      w.deputy2.token,
    );
    const s = result.data?.recordSuggestion.data;
    expect(s).toMatchObject({ status: "SUBMITTED", submitter: null, submitterName: "王师傅", submitterPhone: phone });
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);
    // Not a deputy of this post: refused.
    const refused = await t.gql<Recorded>(
      RECORD,
      {
        input: {
          postId: String(w.post.id),
          name: "某人",
          category: "OTHER",
          title: "t",
          content: "c",
          allowPublish: false,
        },
      },
      w.otherDeputy.token,
    );
    expect(refused.data?.recordSuggestion).toMatchObject({ __typename: "AppError", code: "FORBIDDEN" });
    const nobody = await t.gql<Recorded>(
      RECORD,
      { input: { postId: String(w.post.id), category: "OTHER", title: "t", content: "c", allowPublish: false } },
      w.deputy.token,
    );
    expect(nobody.data?.recordSuggestion).toMatchObject({ __typename: "AppError", code: "VALIDATION", field: "name" });
  });
});

describe("submitting", () => {
  it("sends it to the post serving the resident's home when no post is named", async () => {
    const s = await api(t).submit(w.resident.token, {
      category: "OTHER",
      title: "小区门口积水",
      content: "下雨就积水",
      allowPublish: false,
    });
    const row = await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(s.id) } });
    expect(row.postId).toBe(w.post.id);
    expect(row.areaId).toBe(w.post.areaId);
  });

  it("names the field at fault", async () => {
    const outside = await a.fail(
      "submitSuggestion",
      "(input: $input)",
      {
        input: {
          postId: String(w.post.id),
          areaId: String(w.tree.jinju.compound.id),
          category: "OTHER",
          title: "x",
          content: "y",
          allowPublish: false,
        },
      },
      w.resident.token,
    );
    expect(outside).toMatchObject({ code: "VALIDATION", field: "areaId" });
    const empty = await a.fail(
      "submitSuggestion",
      "(input: $input)",
      { input: { postId: String(w.post.id), category: "OTHER", title: " ", content: "y", allowPublish: false } },
      w.resident.token,
    );
    expect(empty).toMatchObject({ code: "VALIDATION", field: "input.title" });
    // Someone with no verified home must name the post.
    const homeless = await factoriesPerson();
    expect(
      await a.fail(
        "submitSuggestion",
        "(input: $input)",
        { input: { category: "OTHER", title: "x", content: "y", allowPublish: false } },
        homeless,
      ),
    ).toMatchObject({ code: "VALIDATION", field: "postId" });
  });
});

async function factoriesPerson() {
  const phone = uniquePhone();
  return t.signIn(phone);
}

describe("live", () => {
  it("tells the submitter of each step of their suggestion, and the department's workbench of a new transfer", async () => {
    const s = await submitted(t, w);
    const mine = t.subscribe<{ suggestionChanged: { kind: string; suggestion: { status: string } | null } }>(
      t.wsClient(w.resident.token),
      `subscription($id: ID!) { suggestionChanged(id: $id) { kind suggestion { status } } }`,
      { id: s.id },
    );
    const bench = t.subscribe<{ suggestionWorkbench: { suggestionId: string; kind: string } }>(
      t.wsClient(w.handler.token),
      `subscription { suggestionWorkbench { suggestionId kind } }`,
    );
    const elsewhere = t.subscribe<{ suggestionWorkbench: { suggestionId: string; kind: string } }>(
      t.wsClient(w.otherHandler.token),
      `subscription { suggestionWorkbench { suggestionId kind } }`,
    );
    const routing = {
      id: Number(s.id),
      postId: w.post.id,
      areaPath: w.post.area.path,
      departmentIds: [w.chengguan.id, w.paichusuo.id],
    };
    const probe = probeSuggestion(t, routing, -7);
    await untilListening(mine, probe, (r) => r.suggestionChanged.kind === "UPDATED");
    await untilListening(
      bench,
      probe,
      (r) => r.suggestionWorkbench.suggestionId === s.id && r.suggestionWorkbench.kind === "UPDATED",
    );
    await untilListening(
      elsewhere,
      probe,
      (r) => r.suggestionWorkbench.suggestionId === s.id && r.suggestionWorkbench.kind === "UPDATED",
    );
    const accepted = mine.waitFor((r) => r.suggestionChanged.kind === "ACCEPTED");
    await a.accept(w.deputy.token, s.id);
    expect((await accepted).suggestionChanged.suggestion?.status).toBe("ACCEPTED");
    const transfer = bench.waitFor(
      (r) => r.suggestionWorkbench.suggestionId === s.id && r.suggestionWorkbench.kind === "TRANSFERRED",
    );
    const followUp = mine.waitFor((r) => r.suggestionChanged.kind === "TRANSFERRED");
    await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    await transfer;
    expect((await followUp).suggestionChanged.suggestion?.status).toBe("TRANSFERRED");
    // The other department hears only the probes, not the transfer it is not part of.
    expect(
      elsewhere.results
        .filter((r) => r.suggestionWorkbench.suggestionId === s.id)
        .every((r) => r.suggestionWorkbench.kind === "UPDATED"),
    ).toBe(true);
  });

  it("refuses to stream a private suggestion to someone who may not read it", async () => {
    const s = await submitted(t, w, { allowPublish: false });
    const stranger = t.subscribe(
      t.wsClient(w.neighbour.token),
      `subscription($id: ID!) { suggestionChanged(id: $id) { kind } }`,
      { id: s.id },
    );
    const error = await stranger.waitFor().then(
      () => null,
      (e: unknown) => e,
    );
    expect(JSON.stringify(error)).toContain("NOT_FOUND");
  });
});
