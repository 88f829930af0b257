import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Milliseconds until `iso` (never negative), ticking once a second; null without a deadline. */
export function useTimeLeft(iso: string | null | undefined, active = true): number | null {
  const [now, setNow] = useState(() => Date.now());
  const until = iso ? Date.parse(iso) : Number.NaN;
  const running = active && Number.isFinite(until) && until > now;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  if (!Number.isFinite(until)) return null;
  return Math.max(0, until - now);
}

/** "2 天 03:05:09" / "03:05:09": a countdown people read at a glance. */
export function useFormatTimeLeft() {
  const { t } = useTranslation();
  return (ms: number) => {
    const total = Math.floor(ms / 1000);
    const days = Math.floor(total / 86_400);
    const pad = (n: number) => String(n).padStart(2, "0");
    const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
    return days > 0 ? t("votes.countdown.days", { count: days, clock }) : clock;
  };
}
