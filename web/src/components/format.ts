import { useTranslation } from "react-i18next";

const TIME_ZONE = "Asia/Shanghai";

/** Instants from the server (UTC) as people in Shanghai read them. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", {
    timeZone: TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

export function useFormatDateTime() {
  const { i18n } = useTranslation();
  return (iso: string) => formatDateTime(iso, i18n.language);
}

export function formatArea(sqm: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en" : "zh-CN", { maximumFractionDigits: 2 }).format(sqm);
}

interface NamedArea {
  name: string;
  kind: string;
}

/** An address from the top of the tree down (the district is left out: everyone here shares it). */
export function addressOf(ancestors: readonly NamedArea[], ...rest: (string | null | undefined)[]): string {
  return [...ancestors.filter((a) => a.kind !== "DISTRICT").map((a) => a.name), ...rest].filter(Boolean).join(" ");
}
