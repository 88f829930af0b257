import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";
import { type SuggestionWorld, suggestionWorld } from "../suggestions/testing.js";

// 接待日: scheduled by the post's deputies or staff, booked by residents up to the capacity (also
// when they all book at once), called off with notice; the bookings are the post's business.

let t: TestApp;
let w: SuggestionWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

const SCHEDULE = `mutation($input: ScheduleReceptionDayInput!) { scheduleReceptionDay(input: $input) { __typename ${APP_ERROR}
  ... on MutationScheduleReceptionDaySuccess { data { id capacity place remaining bookedCount deputyIds deputies { name } viewerMayManage } } } }`;
const BOOK = `mutation($id: ID!, $subject: String!) { bookReception(receptionDayId: $id, subject: $subject) { __typename ${APP_ERROR}
  ... on MutationBookReceptionSuccess { data { id status subject } } } }`;

async function schedule(token: string, input: Record<string, unknown>) {
  return t.gql(
    SCHEDULE,
    { input: { postId: String(w.post.id), startsAt: hours(48), endsAt: hours(50), ...input } },
    token,
  );
}

describe("scheduling", () => {
  it("by a deputy of the post (on duty by default) or staff of its area", async () => {
    const byDeputy = succeeded<{ id: string; deputyIds: string[]; place: string; viewerMayManage: boolean }>(
      await schedule(w.deputy.token, { capacity: 5 }),
      "scheduleReceptionDay",
    );
    expect(byDeputy).toMatchObject({
      deputyIds: [String(w.deputy.account.id)],
      place: "三林路1号",
      viewerMayManage: true,
    });
    const byStaff = succeeded<{ deputyIds: string[] }>(
      await schedule(w.staff.token, {
        capacity: 5,
        place: "社区活动室",
        deputyIds: [String(w.deputy.account.id), String(w.deputy2.account.id)],
      }),
      "scheduleReceptionDay",
    );
    expect(byStaff.deputyIds.sort()).toEqual([String(w.deputy.account.id), String(w.deputy2.account.id)].sort());
    expect(
      await t.db.prisma.notification.count({ where: { recipientId: w.deputy2.account.id, kind: "reception.duty" } }),
    ).toBe(1);
  });

  it("by nobody else, with deputies of the post on duty, in the future", async () => {
    expect(failed(await schedule(w.otherDeputy.token, {}), "scheduleReceptionDay").code).toBe("FORBIDDEN");
    expect(failed(await schedule(w.resident.token, {}), "scheduleReceptionDay").code).toBe("FORBIDDEN");
    expect(
      failed(await schedule(w.staff.token, { deputyIds: [String(w.otherDeputy.account.id)] }), "scheduleReceptionDay"),
    ).toMatchObject({
      code: "VALIDATION",
      field: "deputyIds",
    });
    expect(failed(await schedule(w.staff.token, {}), "scheduleReceptionDay")).toMatchObject({
      code: "VALIDATION",
      field: "deputyIds",
    });
    expect(
      failed(await schedule(w.deputy.token, { startsAt: hours(-5), endsAt: hours(-4) }), "scheduleReceptionDay"),
    ).toMatchObject({
      code: "VALIDATION",
      field: "endsAt",
    });
    expect(failed(await schedule(w.deputy.token, { capacity: 0 }), "scheduleReceptionDay")).toMatchObject({
      code: "VALIDATION",
      field: "input.capacity",
    });
  });
});

describe("booking", () => {
  it("never exceeds the capacity when residents book at once", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 3 }), "scheduleReceptionDay");
    const f = factories(t);
    const residents = await Promise.all(
      Array.from({ length: 8 }, () => f.seedResident({ building: w.tree.sanlin.building })),
    );
    const results = await Promise.all(
      residents.map((r, i) => t.gql(BOOK, { id: day.id, subject: `想反映第${i}件事` }, r.token)),
    );
    const outcomes = results.map(
      (r) => (r.data?.bookReception as { __typename: string; code?: string }) ?? { __typename: "none" },
    );
    expect(outcomes.filter((o) => o.__typename === "MutationBookReceptionSuccess")).toHaveLength(3);
    expect(outcomes.filter((o) => o.__typename === "AppError").every((o) => o.code === "CONFLICT")).toBe(true);
    expect(
      await t.db.prisma.receptionBooking.count({ where: { receptionDayId: Number(day.id), status: "BOOKED" } }),
    ).toBe(3);
    const read = await t.gql<{ receptionDay: { remaining: number; bookedCount: number } }>(
      `query($id: ID!) { receptionDay(id: $id) { remaining bookedCount } }`,
      { id: day.id },
    );
    expect(read.data?.receptionDay).toEqual({ remaining: 0, bookedCount: 3 });
  });

  it("once per resident; a cancelled booking frees the slot and may be booked again", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 1 }), "scheduleReceptionDay");
    const mine = succeeded<{ id: string }>(
      await t.gql(BOOK, { id: day.id, subject: "楼道堆物" }, w.resident.token),
      "bookReception",
    );
    expect(failed(await t.gql(BOOK, { id: day.id, subject: "再约一次" }, w.resident.token), "bookReception").code).toBe(
      "CONFLICT",
    );
    expect(
      failed(await t.gql(BOOK, { id: day.id, subject: "我也想约" }, w.neighbour.token), "bookReception").code,
    ).toBe("CONFLICT");
    const CANCEL = `mutation($id: ID!) { cancelReceptionBooking(id: $id) { __typename ${APP_ERROR} ... on MutationCancelReceptionBookingSuccess { data { status } } } }`;
    expect(failed(await t.gql(CANCEL, { id: mine.id }, w.neighbour.token), "cancelReceptionBooking").code).toBe(
      "NOT_FOUND",
    );
    expect(succeeded(await t.gql(CANCEL, { id: mine.id }, w.resident.token), "cancelReceptionBooking")).toEqual({
      status: "CANCELLED",
    });
    expect(
      succeeded(await t.gql(BOOK, { id: day.id, subject: "我也想约" }, w.neighbour.token), "bookReception"),
    ).toMatchObject({ status: "BOOKED" });
    expect(failed(await t.gql(BOOK, { id: day.id, subject: "还是想约" }, w.resident.token), "bookReception").code).toBe(
      "CONFLICT",
    );
  });

  it("shows the bookings, with who and how to reach them, to the post's deputies and staff only", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 5 }), "scheduleReceptionDay");
    await t.gql(BOOK, { id: day.id, subject: "加装电梯" }, w.resident.token);
    const READ = `query($id: ID!) { receptionDay(id: $id) { viewerMayManage viewerBooking { subject } bookings { subject residentPhone } } }`;
    type Day = {
      receptionDay: {
        viewerMayManage: boolean;
        viewerBooking: { subject: string } | null;
        bookings: { subject: string; residentPhone: string | null }[];
      };
    };
    for (const token of [w.deputy.token, w.deputy2.token, w.staff.token]) {
      const r = await t.gql<Day>(READ, { id: day.id }, token);
      expect(r.data?.receptionDay).toMatchObject({
        viewerMayManage: true,
        bookings: [{ subject: "加装电梯", residentPhone: w.resident.phone }],
      });
    }
    for (const token of [w.otherDeputy.token, w.otherStaff.token, w.neighbour.token, undefined]) {
      const r = await t.gql<Day>(READ, { id: day.id }, token);
      expect(r.data?.receptionDay).toMatchObject({ viewerMayManage: false, bookings: [] });
    }
    const own = await t.gql<Day>(READ, { id: day.id }, w.resident.token);
    expect(own.data?.receptionDay.viewerBooking).toEqual({ subject: "加装电梯" });
    const mine = await t.gql<{ myReceptionBookings: { subject: string; residentPhone: string | null }[] }>(
      `{ myReceptionBookings { subject residentPhone } }`,
      {},
      w.resident.token,
    );
    expect(mine.data?.myReceptionBookings).toContainEqual({ subject: "加装电梯", residentPhone: w.resident.phone });
  });
});

describe("calling a day off", () => {
  it("cancels its bookings and tells the residents; it is then not bookable", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 5 }), "scheduleReceptionDay");
    await t.gql(BOOK, { id: day.id, subject: "垃圾分类" }, w.neighbour.token);
    const CANCEL = `mutation($id: ID!, $reason: String!) { cancelReceptionDay(id: $id, reason: $reason) { __typename ${APP_ERROR} ... on MutationCancelReceptionDaySuccess { data { cancelledAt } } } }`;
    expect(
      failed(await t.gql(CANCEL, { id: day.id, reason: "代表出差" }, w.otherDeputy.token), "cancelReceptionDay").code,
    ).toBe("FORBIDDEN");
    expect(
      succeeded<{ cancelledAt: string | null }>(
        await t.gql(CANCEL, { id: day.id, reason: "代表出差" }, w.deputy.token),
        "cancelReceptionDay",
      ).cancelledAt,
    ).not.toBeNull();
    expect(
      failed(await t.gql(CANCEL, { id: day.id, reason: "再取消" }, w.deputy.token), "cancelReceptionDay").code,
    ).toBe("INVALID_TRANSITION");
    expect(await t.db.prisma.receptionBooking.findFirst({ where: { receptionDayId: Number(day.id) } })).toMatchObject({
      status: "CANCELLED",
    });
    const notice = await t.db.prisma.notification.findFirst({
      where: { recipientId: w.neighbour.account.id, kind: "reception.cancelled", subjectId: Number(day.id) },
    });
    expect(notice?.body).toContain("代表出差");
    expect(failed(await t.gql(BOOK, { id: day.id, subject: "x" }, w.resident.token), "bookReception").code).toBe(
      "INVALID_TRANSITION",
    );
    // Not among the upcoming days any more, unless asked for.
    const list = await t.gql<{ receptionDays: { id: string }[] }>(
      `query($p: ID) { receptionDays(postId: $p) { id } }`,
      { p: String(w.post.id) },
    );
    expect(list.data?.receptionDays.map((d) => d.id)).not.toContain(day.id);
    const all = await t.gql<{ receptionDays: { id: string }[] }>(
      `query($p: ID) { receptionDays(postId: $p, includeCancelled: true) { id } }`,
      { p: String(w.post.id) },
    );
    expect(all.data?.receptionDays.map((d) => d.id)).toContain(day.id);
  });
});

describe("changing a day", () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateReceptionDayInput!) { updateReceptionDay(id: $id, input: $input) { __typename ${APP_ERROR}
    ... on MutationUpdateReceptionDaySuccess { data { id startsAt endsAt place capacity note deputyIds remaining } } } }`;
  type Updated = {
    id: string;
    startsAt: string;
    endsAt: string;
    place: string;
    capacity: number;
    note: string | null;
    deputyIds: string[];
    remaining: number;
  };
  const update = (token: string, id: string, input: Record<string, unknown>) => t.gql(UPDATE, { id, input }, token);
  const noticesOf = (accountId: number, dayId: string, kind: string) =>
    t.db.prisma.notification.findMany({ where: { recipientId: accountId, subjectId: Number(dayId), kind } });

  it("moves it, with the deputies on duty, audited; the residents holding a booking are told", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 3 }), "scheduleReceptionDay");
    const f = factories(t);
    const keeping = await f.seedResident({ building: w.tree.sanlin.building });
    const leaving = await f.seedResident({ building: w.tree.sanlin.building });
    await t.gql(BOOK, { id: day.id, subject: "停车难" }, keeping.token);
    const left = succeeded<{ id: string }>(
      await t.gql(BOOK, { id: day.id, subject: "噪音" }, leaving.token),
      "bookReception",
    );
    await t.gql(
      `mutation($id: ID!) { cancelReceptionBooking(id: $id) { __typename } }`,
      { id: left.id },
      leaving.token,
    );

    for (const token of [w.otherDeputy.token, w.otherStaff.token, keeping.token]) {
      expect(failed(await update(token, day.id, { place: "别处" }), "updateReceptionDay").code).toBe("FORBIDDEN");
    }
    expect(failed(await update(w.deputy.token, day.id, { endsAt: hours(47) }), "updateReceptionDay")).toMatchObject({
      code: "VALIDATION",
      field: "endsAt",
    });
    expect(
      failed(
        await update(w.deputy.token, day.id, { deputyIds: [String(w.otherDeputy.account.id)] }),
        "updateReceptionDay",
      ),
    ).toMatchObject({ code: "VALIDATION", field: "deputyIds" });

    const [startsAt, endsAt] = [hours(72), hours(74)];
    const moved = succeeded<Updated>(
      await update(w.staff.token, day.id, {
        startsAt,
        endsAt,
        place: "社区文化中心二楼",
        deputyIds: [String(w.deputy.account.id), String(w.deputy2.account.id)],
      }),
      "updateReceptionDay",
    );
    expect(moved).toMatchObject({ place: "社区文化中心二楼", capacity: 3, remaining: 2 });
    expect([moved.startsAt, moved.endsAt]).toEqual([startsAt, endsAt]);
    expect(moved.deputyIds.sort()).toEqual([String(w.deputy.account.id), String(w.deputy2.account.id)].sort());

    const [changedNotice] = await noticesOf(keeping.account.id, day.id, "reception.changed");
    expect(changedNotice?.body).toContain("社区文化中心二楼");
    expect(await noticesOf(leaving.account.id, day.id, "reception.changed")).toEqual([]);
    expect(await noticesOf(w.deputy2.account.id, day.id, "reception.duty")).toHaveLength(1);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { subjectType: "RECEPTION_DAY", subjectId: Number(day.id), action: "reception.update" },
    });
    expect(audit.actorId).toBe(w.staff.account.id);
    expect(Object.keys((audit.data as { changed: object }).changed).sort()).toEqual(
      ["deputyIds", "endsAt", "place", "startsAt"].sort(),
    );

    // A note alone bothers no resident.
    succeeded(await update(w.deputy.token, day.id, { note: "请带好材料" }), "updateReceptionDay");
    expect(await noticesOf(keeping.account.id, day.id, "reception.changed")).toHaveLength(1);
  });

  it("keeps the capacity at or above the bookings kept, and refuses a day called off or over", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 3 }), "scheduleReceptionDay");
    await t.gql(BOOK, { id: day.id, subject: "一" }, w.resident.token);
    await t.gql(BOOK, { id: day.id, subject: "二" }, w.neighbour.token);
    expect(failed(await update(w.deputy.token, day.id, { capacity: 1 }), "updateReceptionDay")).toMatchObject({
      code: "VALIDATION",
      field: "capacity",
    });
    expect(
      succeeded<Updated>(await update(w.deputy.token, day.id, { capacity: 2 }), "updateReceptionDay"),
    ).toMatchObject({ capacity: 2, remaining: 0 });
    await t.gql(
      `mutation($id: ID!, $reason: String!) { cancelReceptionDay(id: $id, reason: $reason) { __typename } }`,
      { id: day.id, reason: "代表出差" },
      w.deputy.token,
    );
    expect(failed(await update(w.deputy.token, day.id, { place: "别处" }), "updateReceptionDay").code).toBe(
      "INVALID_TRANSITION",
    );
    const over = await t.db.prisma.receptionDay.create({
      data: {
        postId: w.post.id,
        startsAt: new Date(Date.now() - 3 * 3600_000),
        endsAt: new Date(Date.now() - 3600_000),
        place: "联络站",
      },
    });
    expect(failed(await update(w.deputy.token, String(over.id), { place: "别处" }), "updateReceptionDay").code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("leaves a resident's booking on a called-off day in their list, with the day marked cancelled", async () => {
    const day = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 3 }), "scheduleReceptionDay");
    const f = factories(t);
    const resident = await f.seedResident({ building: w.tree.sanlin.building });
    await t.gql(BOOK, { id: day.id, subject: "楼道灯" }, resident.token);
    await t.gql(
      `mutation($id: ID!, $reason: String!) { cancelReceptionDay(id: $id, reason: $reason) { __typename } }`,
      { id: day.id, reason: "场地维修" },
      w.deputy.token,
    );
    const mine = await t.gql<{
      myReceptionBookings: { status: string; receptionDay: { id: string; cancelledAt: string | null } }[];
    }>(`{ myReceptionBookings { status receptionDay { id cancelledAt } } }`, {}, resident.token);
    expect(mine.data?.myReceptionBookings).toEqual([
      { status: "CANCELLED", receptionDay: { id: day.id, cancelledAt: expect.any(String) } },
    ]);
    expect(await noticesOf(resident.account.id, day.id, "reception.cancelled")).toHaveLength(1);
  });
});

describe("attendance", () => {
  it("is marked by the post's deputies once the reception has started", async () => {
    const started = await t.db.prisma.receptionDay.create({
      data: {
        postId: w.post.id,
        startsAt: new Date(Date.now() - 3600_000),
        endsAt: new Date(Date.now() + 3600_000),
        place: "联络站",
        duties: { create: [{ deputyId: w.deputy.account.id }] },
      },
    });
    const booking = await t.db.prisma.receptionBooking.create({
      data: { receptionDayId: started.id, accountId: w.resident.account.id, subject: "停车难" },
    });
    const MARK = `mutation($id: ID!, $attended: Boolean!) { markReceptionAttendance(bookingId: $id, attended: $attended) { __typename ${APP_ERROR} ... on MutationMarkReceptionAttendanceSuccess { data { status } } } }`;
    expect(
      failed(
        await t.gql(MARK, { id: String(booking.id), attended: true }, w.otherDeputy.token),
        "markReceptionAttendance",
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      succeeded(
        await t.gql(MARK, { id: String(booking.id), attended: true }, w.deputy.token),
        "markReceptionAttendance",
      ),
    ).toEqual({ status: "ATTENDED" });
    expect(
      failed(await t.gql(MARK, { id: String(booking.id), attended: false }, w.deputy.token), "markReceptionAttendance")
        .code,
    ).toBe("INVALID_TRANSITION");
    const future = succeeded<{ id: string }>(await schedule(w.deputy.token, { capacity: 5 }), "scheduleReceptionDay");
    const early = succeeded<{ id: string }>(
      await t.gql(BOOK, { id: future.id, subject: "x" }, w.resident.token),
      "bookReception",
    );
    expect(
      failed(await t.gql(MARK, { id: early.id, attended: true }, w.deputy.token), "markReceptionAttendance").code,
    ).toBe("INVALID_TRANSITION");
  });
});
