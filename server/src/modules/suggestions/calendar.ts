import chineseDays from "chinese-days";
import type { Context } from "../../context.js";
import { forbidden, invalid, unauthenticated } from "../../errors.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/service.js";

// Working days on the Chinese calendar. Official holidays and make-up working days (调休) come
// from the chinese-days package; staff may override any date (CalendarDay), e.g. to enter next
// year's holidays as soon as the State Council publishes them. All dates here are calendar dates
// in Asia/Shanghai, written YYYY-MM-DD; @db.Date columns hold them as UTC midnight.

/** A calendar date, YYYY-MM-DD (Asia/Shanghai). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China keeps no daylight saving time
const DAY_MS = 24 * 60 * 60 * 1000;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Shanghai. */
export function today(now: Date = new Date()): IsoDate {
  return shanghaiDate(now);
}

/** The first instant of a Shanghai date (00:00 +08:00). */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - SHANGHAI_OFFSET_MS);
}

/** A @db.Date value for a calendar date. */
export function toDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date a @db.Date value holds. */
export function fromDbDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export type DaySource = "WEEKDAY" | "WEEKEND" | "OFFICIAL_HOLIDAY" | "OFFICIAL_WORKDAY" | "OVERRIDE";

export interface DayInfo {
  date: IsoDate;
  isWorkday: boolean;
  /** 国庆节, 春节 …; 周末 for a plain weekend; empty for a plain working day. */
  name: string;
  source: DaySource;
  /** What the official calendar says, whatever the override. */
  officialIsWorkday: boolean;
  officialName: string;
}

const officialCache = new Map<IsoDate, { isWorkday: boolean; name: string; source: DaySource }>();

/** The State Council's calendar for a date, per chinese-days (weekends only beyond its data). */
export function officialDay(date: IsoDate): { isWorkday: boolean; name: string; source: DaySource } {
  const cached = officialCache.get(date);
  if (cached) return cached;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  // Local noon of the date: chinese-days reads dates in the process's time zone, and noon is the
  // same calendar date in every zone.
  const detail = chineseDays.getDayDetail(new Date(year, month - 1, day, 12));
  if (detail.date !== date) throw new Error(`chinese-days answered for ${detail.date}, asked ${date}`);
  // Official days are named "National Day,国庆节,3"; ordinary days by their English weekday.
  const official = detail.name.split(",");
  const weekend = new Date(`${date}T00:00:00Z`).getUTCDay() % 6 === 0;
  const result =
    official.length >= 2
      ? {
          isWorkday: detail.work,
          name: official[1] ?? "",
          source: (detail.work ? "OFFICIAL_WORKDAY" : "OFFICIAL_HOLIDAY") as DaySource,
        }
      : { isWorkday: !weekend, name: weekend ? "周末" : "", source: (weekend ? "WEEKEND" : "WEEKDAY") as DaySource };
  officialCache.set(date, result);
  return result;
}

export interface CalendarOverride {
  isWorkday: boolean;
  name: string;
}

/** The official calendar with the street office's overrides on top. */
export class WorkCalendar {
  constructor(readonly overrides: ReadonlyMap<IsoDate, CalendarOverride> = new Map()) {}

  day(date: IsoDate): DayInfo {
    const official = officialDay(date);
    const override = this.overrides.get(date);
    return {
      date,
      isWorkday: override ? override.isWorkday : official.isWorkday,
      name: override ? override.name : official.name,
      source: override ? "OVERRIDE" : official.source,
      officialIsWorkday: official.isWorkday,
      officialName: official.name,
    };
  }

  isWorkday(date: IsoDate): boolean {
    return this.overrides.get(date)?.isWorkday ?? officialDay(date).isWorkday;
  }
}

/** Guards the loops below: no year has fewer than 200 working days. */
const MAX_SCAN_DAYS = 5 * 366;

/**
 * The date `n` working days after `start` (start itself not counted): a transfer on Friday
 * due in 1 working day is due on the next working day. n = 0 returns start.
 */
export function addWorkingDays(calendar: WorkCalendar, start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let counted = 0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError("addWorkingDays: no working days in the calendar");
    date = addDays(date, 1);
    if (calendar.isWorkday(date)) counted++;
  }
  return date;
}

/**
 * Working days after `a` up to and including `b`; negative (the same count, reversed) when b is
 * before a. So workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(calendar: WorkCalendar, a: IsoDate, b: IsoDate): number {
  if (a === b) return 0;
  if (b < a) return -workingDaysBetween(calendar, b, a);
  let count = 0;
  for (let date = addDays(a, 1); date <= b; date = addDays(date, 1)) {
    if (calendar.isWorkday(date)) count++;
  }
  return count;
}

/** The calendar with every override in the database (a few dozen rows a year). */
export async function loadCalendar(prisma: Pick<PrismaClient, "calendarDay">): Promise<WorkCalendar> {
  const rows = await prisma.calendarDay.findMany();
  return new WorkCalendar(
    new Map(rows.map((row) => [fromDbDate(row.date), { isWorkday: row.isWorkday, name: row.name }])),
  );
}

const requestCalendars = new WeakMap<object, Promise<WorkCalendar>>();

/** The calendar for one request (loaded once however many fields need it). */
export function calendarFor(ctx: Pick<Context, "prisma">): Promise<WorkCalendar> {
  let calendar = requestCalendars.get(ctx);
  if (!calendar) {
    calendar = loadCalendar(ctx.prisma);
    requestCalendars.set(ctx, calendar);
  }
  return calendar;
}

// ───────────────────────────── admins configure the calendar ─────────────────────────────

/**
 * There is one calendar for every due date of every post and department, so it is not a matter for
 * the staff of one 居委会: only administrators (ADMIN, on whatever area) may change it.
 */
function requireCalendarEditor(ctx: Context) {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  if (!ctx.viewer.isAdminAnywhere) throw forbidden("只有管理员可以调整工作日历");
}

function parseDate(value: string, field: string): IsoDate {
  if (!isIsoDate(value)) throw invalid(field, "日期格式应为 YYYY-MM-DD");
  return value;
}

/** The audit subject of a date: 20251001. */
const dateSubjectId = (date: IsoDate) => Number(date.replaceAll("-", ""));

/** Admins: make a date a working day or a day off, whatever the official calendar says. */
export async function setCalendarDay(
  ctx: Context,
  options: { date: string; isWorkday: boolean; name?: string | null },
) {
  requireCalendarEditor(ctx);
  const date = parseDate(options.date, "date");
  const name = options.name?.trim() || (options.isWorkday ? "调整为工作日" : "调整为休息日");
  if (name.length > 30) throw invalid("name", "名称不超过30字");
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: toDbDate(date) } });
    await tx.calendarDay.upsert({
      where: { date: toDbDate(date) },
      create: { date: toDbDate(date), isWorkday: options.isWorkday, name },
      update: { isWorkday: options.isWorkday, name },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "calendar.set",
      subjectType: "CALENDAR_DAY",
      subjectId: dateSubjectId(date),
      data: {
        date,
        isWorkday: options.isWorkday,
        name,
        before: before ? { isWorkday: before.isWorkday, name: before.name } : null,
      },
    });
  });
  return (await loadCalendar(ctx.prisma)).day(date);
}

/** Admins: drop the override of a date, back to the official calendar. */
export async function clearCalendarDay(ctx: Context, options: { date: string }) {
  requireCalendarEditor(ctx);
  const date = parseDate(options.date, "date");
  await ctx.prisma.$transaction(async (tx) => {
    const removed = await tx.calendarDay.deleteMany({ where: { date: toDbDate(date) } });
    if (removed.count > 0) {
      await recordAudit(tx, {
        actorId: ctx.viewer.accountId,
        action: "calendar.clear",
        subjectType: "CALENDAR_DAY",
        subjectId: dateSubjectId(date),
        data: { date },
      });
    }
  });
  return (await loadCalendar(ctx.prisma)).day(date);
}

/** Every day of a year, as the working-day calculations see it. */
export async function calendarYear(ctx: Pick<Context, "prisma">, year: number): Promise<DayInfo[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid("year", "年份应在 2000 到 2100 之间");
  const calendar = await calendarFor(ctx);
  const days: DayInfo[] = [];
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1))
    days.push(calendar.day(date));
  return days;
}
