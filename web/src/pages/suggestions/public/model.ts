import type { SuggestionCategory, SuggestionStatus } from "../../../gql/graphql";

// What the resident and public suggestion pages share: the order categories are offered in, the
// status groups the public board filters by, and how dates and times are written.

/** In the order the street offices' reports list them; 其他 last. */
export const SUGGESTION_CATEGORIES: readonly SuggestionCategory[] = [
  "CITY_APPEARANCE",
  "TRANSPORT",
  "PROPERTY_MANAGEMENT",
  "ELDERLY_SERVICES",
  "PUBLIC_SAFETY",
  "HEALTH_EDUCATION",
  "OTHER",
];

/**
 * The board filters by what a resident asks ("is it being handled? answered? finished?"), not by
 * the nine internal statuses. Submitted and declined suggestions are never on the board.
 */
export const BOARD_STATUS_GROUPS = {
  handling: ["ACCEPTED", "TRANSFERRED", "IN_PROGRESS", "SUPERVISING"],
  replied: ["REPLIED", "RATED"],
  closed: ["CLOSED"],
} as const satisfies Record<string, readonly SuggestionStatus[]>;

export type BoardStatusGroup = keyof typeof BOARD_STATUS_GROUPS;

export function isBoardStatusGroup(value: string | null): value is BoardStatusGroup {
  return value !== null && value in BOARD_STATUS_GROUPS;
}

export function isCategory(value: string | null): value is SuggestionCategory {
  return value !== null && (SUGGESTION_CATEGORIES as readonly string[]).includes(value);
}

/** Ids are the rows' positive integers: anything else cannot name a suggestion (no request needed). */
export const isRowId = (value: string | undefined): value is string => Boolean(value && /^[1-9]\d{0,15}$/.test(value));

const TIME_ZONE = "Asia/Shanghai";
const localeOf = (language: string) => (language === "en" ? "en-GB" : "zh-CN");

/** "11月25日 周二" — the day of an instant, in Shanghai. */
export function formatDay(iso: string, language: string): string {
  const at = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(localeOf(language), { timeZone: TIME_ZONE, ...options }).format(at);
  return `${part({ month: language === "en" ? "short" : "long", day: "numeric" })} ${part({ weekday: "short" })}`;
}

/** "09:00–11:30", in Shanghai. */
export function formatTimeRange(startsAt: string, endsAt: string, language: string): string {
  const time = new Intl.DateTimeFormat(localeOf(language), {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** A calendar date from the server ("2025-11-25", already a Shanghai date) as "2025年11月25日". */
export function formatDate(date: string, language: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: "UTC", dateStyle: "long" }).format(at);
}

/** The day an instant falls on in Shanghai, as "2025年11月25日". */
export function formatInstantDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: TIME_ZONE, dateStyle: "long" }).format(new Date(iso));
}
