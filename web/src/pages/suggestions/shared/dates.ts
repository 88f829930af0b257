// Dates as the street office reads them: every date and time is Beijing time (Asia/Shanghai),
// whatever the device's own time zone is (a deputy's laptop may be set to anything). A `Date`
// from the server is a calendar day in Shanghai ("2026-11-30") and is shown as that day.

const TIME_ZONE = "Asia/Shanghai";

const locale = (language: string) => (language === "en" ? "en-GB" : "zh-CN");

/** A calendar day read at noon UTC, so no time zone can move it to the day before or after. */
function asUtcNoon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** The Shanghai date (YYYY-MM-DD) of an instant. */
export function shanghaiDateOf(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

/** Today's date in Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDateOf(now.toISOString());
}

/** The Shanghai time of day (HH:mm) of an instant. */
export function shanghaiTimeOf(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

/** The instant of a date and a time of day in Shanghai (from `<input type="date">` and `type="time"`). */
export function shanghaiInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The day `days` after (or before) a calendar day. */
export function addDays(day: string, days: number): string {
  const date = asUtcNoon(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (the Chinese week starts on Monday). */
export function weekdayIndex(day: string): number {
  return (asUtcNoon(day).getUTCDay() + 6) % 7;
}

/** "2026年11月30日 周一" / "Mon, 30 Nov 2026". */
export function formatDay(day: string, language: string, withWeekday = true): string {
  const date = asUtcNoon(day);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: "UTC",
    year: "numeric",
    month: language === "en" ? "short" : "long",
    day: "numeric",
    weekday: withWeekday ? "short" : undefined,
  }).format(date);
}

/** "11月30日" / "30 Nov": within the current year. */
export function formatShortDay(day: string, language: string): string {
  const date = asUtcNoon(day);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale(language), { timeZone: "UTC", month: "short", day: "numeric" }).format(date);
}

/** "11月25日 周三 09:00–11:30" for a reception's start and end (Shanghai). */
export function formatTimeSpan(startsAt: string, endsAt: string, language: string): string {
  const day = new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    month: language === "en" ? "short" : "long",
    day: "numeric",
    weekday: "short",
  }).format(new Date(startsAt));
  return `${day} ${shanghaiTimeOf(startsAt)}–${shanghaiTimeOf(endsAt)}`;
}
