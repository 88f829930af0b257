import { shanghaiToday } from "../shared/dates";

// The periods a street office reports on. A running period ends today: the figures stand as of now
// (the server counts a past period as it stood at its end).

export const PRESETS = ["THIS_YEAR", "LAST_YEAR", "THIS_MONTH", "LAST_12_MONTHS"] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | null | undefined): value is string {
  return Boolean(value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)));
}

export function presetPeriod(preset: Preset, today: string = shanghaiToday()): Period {
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  switch (preset) {
    case "THIS_YEAR":
      return { from: `${year}-01-01`, to: today };
    case "LAST_YEAR":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "THIS_MONTH":
      return { from: `${month}-01`, to: today };
    case "LAST_12_MONTHS": {
      // The current month and the eleven before it, whole months.
      const m = Number(today.slice(5, 7));
      const startYear = m === 12 ? year : year - 1;
      const startMonth = m === 12 ? 1 : m + 1;
      return { from: `${startYear}-${String(startMonth).padStart(2, "0")}-01`, to: today };
    }
  }
}

/** Which preset a period is, if any (so a shared link shows its preset selected). */
export function presetOf(period: Period, today: string = shanghaiToday()): Preset | null {
  return (
    PRESETS.find((p) => {
      const candidate = presetPeriod(p, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

/** "2026-03" → "2026年3月" / "Mar 2026"; `short` drops the year ("3月" / "Mar"). */
export function formatMonth(key: string, language: string, short = false): string {
  const date = new Date(`${key}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return key;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", {
    timeZone: "UTC",
    year: short ? undefined : "numeric",
    month: language === "en" ? "short" : "long",
  }).format(date);
}
