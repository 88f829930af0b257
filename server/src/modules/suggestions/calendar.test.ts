import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";
import {
  addDays,
  addWorkingDays,
  officialDay,
  shanghaiDate,
  startOfShanghaiDay,
  WorkCalendar,
  workingDaysBetween,
} from "./calendar.js";
import { deadline, dueSoonRange } from "./deadlines.js";

// Working days on the official calendar (chinese-days): 2025's 国庆 ran 10-01 to 10-08 with make-up
// working days on Sunday 09-28 and Saturday 10-11; 春节 ran 01-28 to 02-04 with make-up working days
// on Sunday 01-26 and Saturday 02-08.

const official = new WorkCalendar();

describe("the official calendar", () => {
  it("knows holidays, make-up working days and plain weekends", () => {
    expect(officialDay("2025-10-01")).toMatchObject({ isWorkday: false, name: "国庆节", source: "OFFICIAL_HOLIDAY" });
    expect(officialDay("2025-10-06")).toMatchObject({ isWorkday: false, name: "中秋" });
    expect(officialDay("2025-09-28")).toMatchObject({ isWorkday: true, name: "国庆节", source: "OFFICIAL_WORKDAY" });
    expect(officialDay("2025-10-11")).toMatchObject({ isWorkday: true, source: "OFFICIAL_WORKDAY" });
    expect(officialDay("2025-01-26")).toMatchObject({ isWorkday: true, name: "春节" });
    expect(officialDay("2025-09-27")).toMatchObject({ isWorkday: false, name: "周末", source: "WEEKEND" });
    expect(officialDay("2025-09-29")).toMatchObject({ isWorkday: true, name: "", source: "WEEKDAY" });
  });

  it("answers the same whatever the server's time zone", () => {
    const saved = process.env.TZ;
    try {
      // Dates not read before in this process (answers are cached per date). 2024's 国庆: 10-01 to
      // 10-07 off, Sunday 09-29 and Saturday 10-12 worked.
      const cases: [string, string, boolean][] = [
        ["America/Los_Angeles", "2024-10-01", false],
        ["America/Los_Angeles", "2024-10-12", true],
        ["Pacific/Kiritimati", "2024-10-02", false],
        ["Pacific/Kiritimati", "2024-09-29", true],
        ["UTC", "2024-10-03", false],
        ["UTC", "2024-09-30", true],
      ];
      for (const [zone, date, isWorkday] of cases) {
        process.env.TZ = zone;
        expect([zone, date, officialDay(date).isWorkday]).toEqual([zone, date, isWorkday]);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe("addWorkingDays and workingDaysBetween", () => {
  it("count a make-up Sunday and skip the 国庆 holidays", () => {
    // Friday 09-26 + 1 working day: Sunday 09-28 is a make-up working day.
    expect(addWorkingDays(official, "2025-09-26", 1)).toBe("2025-09-28");
    expect(addWorkingDays(official, "2025-09-26", 2)).toBe("2025-09-29");
    // From the last working day before the holiday: 10-09 is the first working day after it…
    expect(addWorkingDays(official, "2025-09-30", 1)).toBe("2025-10-09");
    // …and the make-up Saturday 10-11 is the third.
    expect(addWorkingDays(official, "2025-09-30", 3)).toBe("2025-10-11");
    expect(addWorkingDays(official, "2025-09-30", 4)).toBe("2025-10-13");
    expect(workingDaysBetween(official, "2025-09-30", "2025-10-11")).toBe(3);
    expect(workingDaysBetween(official, "2025-10-01", "2025-10-08")).toBe(0);
    // Started on a holiday: counting begins with the next working day.
    expect(addWorkingDays(official, "2025-10-03", 1)).toBe("2025-10-09");
  });

  it("skip 春节 and count its make-up days", () => {
    expect(addWorkingDays(official, "2025-01-24", 1)).toBe("2025-01-26");
    expect(addWorkingDays(official, "2025-01-24", 2)).toBe("2025-01-27");
    expect(addWorkingDays(official, "2025-01-24", 3)).toBe("2025-02-05");
    expect(addWorkingDays(official, "2025-02-05", 3)).toBe("2025-02-08"); // Saturday 02-08 works
    expect(workingDaysBetween(official, "2025-01-27", "2025-02-05")).toBe(1);
    // 15 working days from the Friday before 春节 (a common due date): 01-26, 01-27, 02-05, 02-06,
    // 02-07, 02-08 (Saturday), 02-10 … 02-14, 02-17 … 02-20.
    expect(addWorkingDays(official, "2025-01-24", 15)).toBe("2025-02-20");
  });

  it("go backwards with a minus sign, and zero is the day itself", () => {
    expect(workingDaysBetween(official, "2025-10-11", "2025-09-30")).toBe(-3);
    expect(workingDaysBetween(official, "2025-06-03", "2025-06-03")).toBe(0);
    expect(addWorkingDays(official, "2025-06-03", 0)).toBe("2025-06-03");
    expect(() => addWorkingDays(official, "2025-06-03", -1)).toThrow(RangeError);
  });

  it("are inverse of each other on every start date of two years", () => {
    for (let start = "2024-12-01"; start < "2026-12-31"; start = addDays(start, 1)) {
      for (const n of [1, 2, 3, 5, 10, 15, 30]) {
        expect(workingDaysBetween(official, start, addWorkingDays(official, start, n))).toBe(n);
      }
    }
  });

  it("honour the street office's overrides over the official calendar", () => {
    // Beyond the package's data (2027), the office enters 国庆 itself.
    const overrides = new Map([
      ["2027-10-01", { isWorkday: false, name: "国庆节" }],
      ["2027-10-04", { isWorkday: false, name: "国庆节" }],
      ["2027-10-09", { isWorkday: true, name: "国庆节调休" }],
    ]);
    const local = new WorkCalendar(overrides);
    expect(officialDay("2027-10-01").isWorkday).toBe(true); // a Friday, as far as the package knows
    expect(addWorkingDays(local, "2027-09-30", 1)).toBe("2027-10-05");
    expect(addWorkingDays(local, "2027-09-30", 4)).toBe("2027-10-08");
    expect(addWorkingDays(local, "2027-09-30", 5)).toBe("2027-10-09"); // make-up Saturday
    expect(local.day("2027-10-09")).toMatchObject({ isWorkday: true, source: "OVERRIDE", officialIsWorkday: false });
  });
});

describe("deadlines", () => {
  it("are due soon with at most two working days left, counting weekends and holidays right", () => {
    // Tuesday 09-30 before 国庆, due Thursday 10-09: one working day left, however many days off between.
    expect(deadline(official, "2025-10-09", "2025-09-30")).toEqual({
      dueOn: "2025-10-09",
      workingDaysLeft: 1,
      overdue: false,
      dueSoon: true,
    });
    expect(deadline(official, "2025-10-13", "2025-09-30")).toMatchObject({ workingDaysLeft: 4, dueSoon: false });
    expect(deadline(official, "2025-09-30", "2025-09-30")).toMatchObject({
      workingDaysLeft: 0,
      overdue: false,
      dueSoon: true,
    });
    expect(deadline(official, "2025-09-29", "2025-09-30")).toMatchObject({
      workingDaysLeft: -1,
      overdue: true,
      dueSoon: false,
    });
    // The filter range agrees with the flag on every due date around the holiday.
    const range = dueSoonRange(official, "2025-09-30");
    for (let due = "2025-09-25"; due < "2025-10-20"; due = addDays(due, 1)) {
      const inRange = new Date(`${due}T00:00:00Z`) >= range.gte && new Date(`${due}T00:00:00Z`) < range.lt;
      expect([due, inRange]).toEqual([due, deadline(official, due, "2025-09-30").dueSoon]);
    }
  });

  it("use Shanghai dates", () => {
    expect(shanghaiDate(new Date("2025-09-30T16:00:00Z"))).toBe("2025-10-01");
    expect(shanghaiDate(new Date("2025-09-30T15:59:59Z"))).toBe("2025-09-30");
    expect(startOfShanghaiDay("2025-10-01").toISOString()).toBe("2025-09-30T16:00:00.000Z");
  });
});

describe("admins configure the calendar per year", () => {
  let t: TestApp;
  let adminToken: string;
  let neighbourhoodStaffToken: string;
  let streetStaffToken: string;
  let residentToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    const f = factories(t);
    const tree = await f.createAreaTree();
    adminToken = (await f.seedStaff({ area: tree.street, role: "ADMIN" })).token;
    neighbourhoodStaffToken = (await f.seedStaff({ area: tree.sanlin.neighbourhood })).token;
    streetStaffToken = (await f.seedStaff({ area: tree.street })).token;
    residentToken = (await f.seedResident({ building: tree.sanlin.building })).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const SET = `mutation($date: Date!, $isWorkday: Boolean!, $name: String) { setCalendarDay(date: $date, isWorkday: $isWorkday, name: $name) {
    __typename ${APP_ERROR} ... on MutationSetCalendarDaySuccess { data { date isWorkday name source officialIsWorkday } } } }`;
  const CLEAR = `mutation($date: Date!) { clearCalendarDay(date: $date) { __typename ${APP_ERROR} ... on MutationClearCalendarDaySuccess { data { date isWorkday source } } } }`;

  it("sets and clears a day, and due dates follow", async () => {
    // The audit trail is append-only: on a reused PostgreSQL database, earlier runs' entries stay.
    const audited = () => t.db.prisma.auditEvent.count({ where: { subjectType: "CALENDAR_DAY", subjectId: 20301001 } });
    const auditedBefore = await audited();
    const set = await t.gql(SET, { date: "2030-10-01", isWorkday: false, name: "国庆节" }, adminToken);
    expect(succeeded(set, "setCalendarDay")).toEqual({
      date: "2030-10-01",
      isWorkday: false,
      name: "国庆节",
      source: "OVERRIDE",
      officialIsWorkday: true,
    });
    const due = await t.gql<{ dueDateAfter: string }>(`{ dueDateAfter(workingDays: 1, from: "2030-09-30") }`);
    expect(due.data?.dueDateAfter).toBe("2030-10-02");
    const year = await t.gql<{ workCalendar: { date: string; isWorkday: boolean; source: string }[] }>(
      `{ workCalendar(year: 2030) { date isWorkday source } }`,
    );
    expect(year.data?.workCalendar).toHaveLength(365);
    expect(year.data?.workCalendar.find((d) => d.date === "2030-10-01")).toEqual({
      date: "2030-10-01",
      isWorkday: false,
      source: "OVERRIDE",
    });
    expect(succeeded(await t.gql(CLEAR, { date: "2030-10-01" }, adminToken), "clearCalendarDay")).toEqual({
      date: "2030-10-01",
      isWorkday: true,
      source: "WEEKDAY",
    });
    const after = await t.gql<{ dueDateAfter: string }>(`{ dueDateAfter(workingDays: 1, from: "2030-09-30") }`);
    expect(after.data?.dueDateAfter).toBe("2030-10-01");
    expect(await audited()).toBe(auditedBefore + 2);
  });

  it("is for admins only: staff of a 居委会, or even of the street, are refused", async () => {
    for (const token of [neighbourhoodStaffToken, streetStaffToken]) {
      const refused = failed(await t.gql(SET, { date: "2030-10-02", isWorkday: false }, token), "setCalendarDay");
      expect(refused).toMatchObject({ code: "FORBIDDEN", message: "只有管理员可以调整工作日历" });
    }
    expect(
      failed(await t.gql(SET, { date: "2030-10-02", isWorkday: false }, residentToken), "setCalendarDay").code,
    ).toBe("FORBIDDEN");
    // An override the admin set stays when staff try to clear it.
    succeeded(await t.gql(SET, { date: "2030-10-03", isWorkday: true, name: "加班" }, adminToken), "setCalendarDay");
    expect(failed(await t.gql(CLEAR, { date: "2030-10-03" }, neighbourhoodStaffToken), "clearCalendarDay").code).toBe(
      "FORBIDDEN",
    );
    expect(await t.db.prisma.calendarDay.count({ where: { date: new Date("2030-10-03T00:00:00Z") } })).toBe(1);
    expect(failed(await t.gql(SET, { date: "2030-10-02", isWorkday: false }), "setCalendarDay").code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await t.db.prisma.calendarDay.count({ where: { date: new Date("2030-10-02T00:00:00Z") } })).toBe(0);
  });
});
