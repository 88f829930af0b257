import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.js";
import { createLogger } from "../../logger.js";
import { createAppPubSub } from "../../pubsub.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { addDays, addWorkingDays, loadCalendar, toDbDate, today } from "./calendar.js";
import { checkDeadlines, startDeadlineClock } from "./deadlines.js";
import { refreshUrgency } from "./service.js";
import {
  api,
  probeSuggestion,
  type SuggestionWorld,
  submitted,
  suggestionWorld,
  transferred,
  untilListening,
} from "./testing.js";

// Due dates: flags on transfers and suggestions, the department's queue and the deputy's inbox by
// urgency, and the clock's reminders and overdue notices — each sent once, however many clocks run.

let t: TestApp;
let a: ReturnType<typeof api>;

beforeAll(async () => {
  t = await startTestApp();
  a = api(t);
});

afterAll(async () => {
  await t?.close();
});

/** Moves a transfer's due date (tests cannot wait for days to pass), keeping the suggestion's in step. */
async function dueOn(transferId: string, date: string) {
  await t.db.prisma.suggestionTransfer.update({ where: { id: Number(transferId) }, data: { dueOn: toDbDate(date) } });
  await refreshUrgency(t.db.prisma);
}

const deps = () => ({ prisma: t.db.prisma, pubsub: t.pubsub, logger: createLogger("silent"), sms: t.sms });

describe("flags", () => {
  let w: SuggestionWorld;
  beforeAll(async () => {
    w = await suggestionWorld(t);
  });

  it("mark a transfer and its suggestion overdue past the due date, due soon within two working days", async () => {
    const calendar = await loadCalendar(t.db.prisma);
    const now = today();
    const s = await transferred(t, w, { co: true });
    const [lead, co] = s.currentTransfers as unknown as [{ id: string }, { id: string }];
    const FIELDS = `id overdue dueSoon workingDaysLeft dueOn currentTransfers { id overdue dueSoon workingDaysLeft }`;
    type Flags = {
      overdue: boolean;
      dueSoon: boolean;
      workingDaysLeft: number | null;
      dueOn: string | null;
      currentTransfers: { id: string; overdue: boolean; dueSoon: boolean; workingDaysLeft: number | null }[];
    };

    await dueOn(co.id, addWorkingDays(calendar, now, 2));
    let read = (await a.read(w.deputy.token, s.id, FIELDS)) as unknown as Flags;
    expect(read).toMatchObject({
      dueSoon: true,
      overdue: false,
      workingDaysLeft: 2,
      dueOn: addWorkingDays(calendar, now, 2),
    });
    expect(read.currentTransfers[1]).toMatchObject({ dueSoon: true, overdue: false, workingDaysLeft: 2 });
    expect(read.currentTransfers[0]).toMatchObject({ dueSoon: false, overdue: false, workingDaysLeft: 10 });

    await dueOn(co.id, addDays(now, -1));
    read = (await a.read(w.deputy.token, s.id, FIELDS)) as unknown as Flags;
    expect(read).toMatchObject({ overdue: true, dueSoon: false, dueOn: addDays(now, -1) });
    expect(read.currentTransfers[1]?.overdue).toBe(true);
    expect(read.currentTransfers[1]?.workingDaysLeft).toBeLessThanOrEqual(0);

    // Once the co-handler is done, its date no longer counts: the lead's is the suggestion's.
    await a.acknowledge(w.coHandler.token, co.id);
    await a.ok("completeTransfer", "(transferId: $transferId)", { transferId: co.id }, w.coHandler.token, "id");
    read = (await a.read(w.deputy.token, s.id, FIELDS)) as unknown as Flags;
    expect(read).toMatchObject({ overdue: false, workingDaysLeft: 10 });
    expect(read.currentTransfers[1]).toMatchObject({ overdue: false, dueSoon: false, workingDaysLeft: null });
    expect(lead.id).toBeTruthy();
  });
});

describe("the department's queue", () => {
  it("lists its open transfers by urgency: overdue first, then due soonest", async () => {
    const w = await suggestionWorld(t);
    const calendar = await loadCalendar(t.db.prisma);
    const now = today();
    const dates = [
      addWorkingDays(calendar, now, 30),
      addDays(now, -3),
      addWorkingDays(calendar, now, 1),
      addDays(now, -10),
      addWorkingDays(calendar, now, 8),
    ];
    const ids: string[] = [];
    for (const date of dates) {
      const s = await transferred(t, w);
      const transferId = s.currentTransfers[0]?.id as string;
      await dueOn(transferId, date);
      ids.push(transferId);
    }
    const byDate = ids.map((id, i) => ({ id, date: dates[i] as string })).sort((x, y) => x.date.localeCompare(y.date));
    const QUEUE = `query($overdue: Boolean, $dueSoon: Boolean, $after: String) { departmentQueue(first: 2, after: $after, overdue: $overdue, dueSoon: $dueSoon) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id dueOn overdue dueSoon suggestion { id title } } } } }`;
    type Queue = {
      departmentQueue: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; dueOn: string; overdue: boolean } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof t.gql<Queue>>> = await t.gql<Queue>(QUEUE, { after }, w.handler.token);
      expect(page.data?.departmentQueue.totalCount).toBe(5);
      seen.push(...(page.data?.departmentQueue.edges.map((e) => e.node.id) ?? []));
      if (!page.data?.departmentQueue.pageInfo.hasNextPage) break;
      after = page.data.departmentQueue.pageInfo.endCursor;
    }
    expect(seen).toEqual(byDate.map((x) => x.id));
    const overdue = await t.gql<Queue>(QUEUE, { overdue: true }, w.handler.token);
    expect(overdue.data?.departmentQueue.edges.map((e) => e.node.id)).toEqual([byDate[0]?.id, byDate[1]?.id]);
    const soon = await t.gql<Queue>(QUEUE, { dueSoon: true }, w.handler.token);
    expect(soon.data?.departmentQueue.edges.map((e) => e.node.id)).toEqual([ids[2]]);
    // Another department's queue does not hold them; asking for this one is refused.
    const other = await t.gql<Queue>(QUEUE, {}, w.otherHandler.token);
    expect(other.data?.departmentQueue.totalCount).toBe(0);
    const refused = await t.gql(
      `query($d: ID) { departmentQueue(first: 5, departmentId: $d) { totalCount } }`,
      { d: String(w.chengguan.id) },
      w.otherHandler.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the deputy's inbox", () => {
  it("orders by urgency: the deputy's own waiting steps by how long they waited, among transfers by due date", async () => {
    const w = await suggestionWorld(t);
    const prisma = t.db.prisma;
    const now = today();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    /** Transferred to 城管 as lead, due on `date`. */
    const transferredDue = async (date: string) => {
      const s = await transferred(t, w);
      await dueOn(s.currentTransfers[0]?.id as string, date);
      return s;
    };
    const repliedByDepartment = async () => {
      const s = await transferred(t, w);
      await a.acknowledge(w.handler.token, s.currentTransfers[0]?.id as string);
      await a.reply(w.handler.token, s.id, "已处理");
      return s;
    };

    // Due dates of departments' work.
    const late = await transferredDue(addDays(now, -2));
    const soon = await transferredDue(addDays(now, 1));
    const later = await transferredDue(addDays(now, 20));
    // The deputies' own steps: a new submission, one waiting two weeks for 受理, one every
    // department sent back six days ago, a 不满意 four days ago, a 满意 yesterday (to close), and one
    // waiting for the resident's own rating.
    const fresh = await submitted(t, w);
    const stale = await submitted(t, w);
    await prisma.suggestion.update({
      where: { id: Number(stale.id) },
      data: { createdAt: daysAgo(14), statusChangedAt: daysAgo(14) },
    });
    const returned = await transferred(t, w);
    await a.ok(
      "returnTransfer",
      "(transferId: $transferId, reason: $reason)",
      { transferId: returned.currentTransfers[0]?.id, reason: "不属于城管职责" },
      w.handler.token,
      "id",
    );
    await prisma.suggestion.update({ where: { id: Number(returned.id) }, data: { statusChangedAt: daysAgo(6) } });
    await prisma.suggestionTransfer.updateMany({
      where: { suggestionId: Number(returned.id) },
      data: { returnedAt: daysAgo(6) },
    });
    const supervising = await repliedByDepartment();
    await a.rate(w.resident.token, supervising.id, "UNSATISFIED", "没有解决");
    await prisma.suggestion.update({ where: { id: Number(supervising.id) }, data: { statusChangedAt: daysAgo(4) } });
    const rated = await repliedByDepartment();
    await a.rate(w.resident.token, rated.id, "SATISFIED");
    await prisma.suggestion.update({ where: { id: Number(rated.id) }, data: { statusChangedAt: daysAgo(1) } });
    const awaitingRating = await repliedByDepartment();
    await refreshUrgency(prisma);

    // stale −11, returned −3, late −2, supervising −1, soon +1, rated +2, fresh +3, awaiting the
    // resident's rating +10, later +20 (days from today).
    const expected = [
      stale.id,
      returned.id,
      late.id,
      supervising.id,
      soon.id,
      rated.id,
      fresh.id,
      awaitingRating.id,
      later.id,
    ];

    const INBOX = `query($after: String, $filter: SuggestionFilter) { deputyInbox(first: 2, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id overdue dueSoon } } } }`;
    type Inbox = {
      deputyInbox: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; overdue: boolean; dueSoon: boolean } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: Awaited<ReturnType<typeof t.gql<Inbox>>> = await t.gql<Inbox>(INBOX, { after }, w.deputy.token);
      expect(page.errors).toBeUndefined();
      seen.push(...(page.data?.deputyInbox.edges.map((e) => e.node.id) ?? []));
      if (!page.data?.deputyInbox.pageInfo.hasNextPage) break;
      after = page.data.deputyInbox.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    // The service keeps the order in step by itself: accepting the stale one moves it to "transfer
    // it", three days from now — after what is due sooner.
    await a.accept(w.deputy.token, stale.id);
    const first = await t.gql<Inbox>(INBOX, {}, w.deputy.token);
    expect(first.data?.deputyInbox.edges.map((e) => e.node.id)).toEqual([returned.id, late.id]);

    const overdue = await t.gql<Inbox>(INBOX, { filter: { overdue: true } }, w.deputy.token);
    expect(overdue.data?.deputyInbox.edges.map((e) => e.node)).toEqual([
      { id: late.id, overdue: true, dueSoon: false },
    ]);
    const dueSoon = await t.gql<Inbox>(INBOX, { filter: { dueSoon: true } }, w.deputy.token);
    expect(dueSoon.data?.deputyInbox.edges.map((e) => e.node)).toEqual([
      { id: soon.id, overdue: false, dueSoon: true },
    ]);
    const submittedOnly = await t.gql<Inbox>(INBOX, { filter: { status: ["SUBMITTED"] } }, w.deputy.token);
    expect(submittedOnly.data?.deputyInbox.totalCount).toBe(1);
    // Another post's deputy sees none of them, and cannot ask for this post.
    expect((await t.gql<Inbox>(INBOX, {}, w.otherDeputy.token)).data?.deputyInbox.totalCount).toBe(0);
    const refused = await t.gql<Inbox>(INBOX, { filter: { postId: String(w.post.id) } }, w.otherDeputy.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the deadline clock", () => {
  it("sends the overdue notice once, however many clocks run at once, and tells the deputies' and staff's views", async () => {
    const w = await suggestionWorld(t);
    const s = await transferred(t, w);
    const transferId = s.currentTransfers[0]?.id as string;
    const routing = {
      id: Number(s.id),
      postId: w.post.id,
      areaPath: w.post.area.path,
      departmentIds: [w.chengguan.id],
    };
    const deputyBench = t.subscribe<{ suggestionWorkbench: { suggestionId: string; kind: string } }>(
      t.wsClient(w.deputy.token),
      `subscription { suggestionWorkbench { suggestionId kind transferId } }`,
    );
    const staffBench = t.subscribe<{ suggestionWorkbench: { suggestionId: string; kind: string } }>(
      t.wsClient(w.staff.token),
      `subscription { suggestionWorkbench { suggestionId kind transferId } }`,
    );
    const probe = probeSuggestion(t, routing);
    await untilListening(deputyBench, probe, (r) => r.suggestionWorkbench.kind === "UPDATED");
    await untilListening(staffBench, probe, (r) => r.suggestionWorkbench.kind === "UPDATED");

    await dueOn(transferId, addDays(today(), -1));
    const overdueSeen = Promise.all([
      deputyBench.waitFor(
        (r) => r.suggestionWorkbench.suggestionId === s.id && r.suggestionWorkbench.kind === "OVERDUE",
      ),
      staffBench.waitFor(
        (r) => r.suggestionWorkbench.suggestionId === s.id && r.suggestionWorkbench.kind === "OVERDUE",
      ),
    ]);
    await Promise.all([checkDeadlines(deps()), checkDeadlines(deps()), checkDeadlines(deps())]);
    await overdueSeen;
    const notices = await t.db.prisma.notification.findMany({
      where: { subjectType: "SUGGESTION", subjectId: Number(s.id), kind: "suggestion.overdue" },
    });
    // The department, the post's deputies and the staff of its 居委会 — not the other one's.
    expect(notices.map((n) => n.recipientId).sort()).toEqual(
      [w.handler.account.id, w.deputy.account.id, w.deputy2.account.id, w.staff.account.id].sort(),
    );
    const transfer = await t.db.prisma.suggestionTransfer.findUniqueOrThrow({ where: { id: Number(transferId) } });
    expect(transfer.overdueNotifiedAt).not.toBeNull();
    // Later ticks send nothing more.
    await checkDeadlines(deps());
    expect(
      await t.db.prisma.notification.count({ where: { subjectId: Number(s.id), kind: "suggestion.overdue" } }),
    ).toBe(4);
    expect(
      await t.db.prisma.auditEvent.count({
        where: { subjectType: "SUGGESTION", subjectId: Number(s.id), action: "suggestion.overdue" },
      }),
    ).toBe(1);
  });

  it("reminds the department and the post's deputies once before the due date, and not after it was handled", async () => {
    const w = await suggestionWorld(t);
    const calendar = await loadCalendar(t.db.prisma);
    const soon = await transferred(t, w);
    const handled = await transferred(t, w);
    const soonId = soon.currentTransfers[0]?.id as string;
    const handledId = handled.currentTransfers[0]?.id as string;
    await dueOn(soonId, addWorkingDays(calendar, today(), 1));
    await dueOn(handledId, addWorkingDays(calendar, today(), 1));
    await a.acknowledge(w.handler.token, handledId);
    await a.reply(w.handler.token, handled.id, "已办结");
    await Promise.all([checkDeadlines(deps()), checkDeadlines(deps())]);
    const reminders = await t.db.prisma.notification.findMany({
      where: { kind: "suggestion.dueSoon", subjectId: { in: [Number(soon.id), Number(handled.id)] } },
    });
    expect(reminders.map((n) => n.subjectId)).toEqual([Number(soon.id), Number(soon.id), Number(soon.id)]);
    expect(reminders.map((n) => n.recipientId).sort()).toEqual(
      [w.handler.account.id, w.deputy.account.id, w.deputy2.account.id].sort(),
    );
    expect(reminders[0]?.body).toContain("还剩1个工作日");
    await checkDeadlines(deps());
    expect(
      await t.db.prisma.notification.count({ where: { kind: "suggestion.dueSoon", subjectId: Number(soon.id) } }),
    ).toBe(3);
  });
});

describe("the clock's repair of stored dates", () => {
  it("runs once when the clock starts, not on every tick", async () => {
    // A database of its own: no app, so no other clock touches it.
    const db = await openDatabase({ dataDir: "memory://" });
    const { pubsub, close } = createAppPubSub(undefined);
    const prisma = db.prisma;
    try {
      const street = await prisma.area.create({ data: { kind: "STREET", name: "时钟街道", path: "/tmp-clock/" } });
      await prisma.area.update({ where: { id: street.id }, data: { path: `/${street.id}/` } });
      const post = await prisma.liaisonPost.create({
        data: { kind: "STATION", name: "时钟联络站", areaId: street.id, address: "时钟路1号" },
      });
      const deputy = await prisma.account.create({ data: { phone: "13900000001", displayName: "代表" } });
      const department = await prisma.department.create({ data: { name: "城管中队", areaId: street.id } });
      const due = addDays(today(), 30);
      /** A transferred suggestion written straight to the tables, as a seed or an import would. */
      const writtenOutside = async () => {
        const s = await prisma.suggestion.create({
          data: {
            postId: post.id,
            areaId: street.id,
            category: "OTHER",
            title: "直接写入",
            content: "不经服务写入",
            channel: "ONLINE",
            status: "TRANSFERRED",
          },
        });
        await prisma.suggestionTransfer.create({
          data: {
            suggestionId: s.id,
            departmentId: department.id,
            role: "LEAD",
            round: 1,
            dueOn: toDbDate(due),
            transferredById: deputy.id,
          },
        });
        return s.id;
      };
      const stored = async (id: number) => {
        const row = await prisma.suggestion.findUniqueOrThrow({ where: { id } });
        return { dueOn: row.dueOn ? row.dueOn.toISOString().slice(0, 10) : null, urgentOn: row.urgentOn };
      };

      const before = await writtenOutside();
      let ticks = 0;
      const waiters: { count: number; resolve: () => void }[] = [];
      const untilTicks = (count: number) =>
        new Promise<void>((resolve) => {
          if (ticks >= count) resolve();
          else waiters.push({ count, resolve });
        });
      const stop = startDeadlineClock({ prisma, pubsub, logger: createLogger("silent"), sms: t.sms }, 10, {
        onTick: () => {
          ticks++;
          for (const waiter of waiters.filter((w) => ticks >= w.count)) waiter.resolve();
        },
      });
      try {
        await untilTicks(1);
        expect(await stored(before)).toMatchObject({ dueOn: due });
        const after = await writtenOutside();
        await untilTicks(ticks + 3);
        expect(await stored(after)).toEqual({ dueOn: null, urgentOn: null });
      } finally {
        stop();
      }
    } finally {
      await close();
      await db.close();
    }
  });
});
