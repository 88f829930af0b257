import type { FormInstance } from "antd";
import type { i18n as I18n, TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { AppFailure } from "../graphql/outcome";

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** "households.2.unit" → "households.unit": translations are per field, not per row. */
function fieldKey(field: string): string {
  return field
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
}

/** A wait in words: "45 秒" / "约 60 分钟". */
export function formatWait(seconds: number, t: TFunction): string {
  return seconds < 120 ? t("time.seconds", { count: seconds }) : t("time.minutes", { count: Math.ceil(seconds / 60) });
}

/**
 * What to tell the person. A translation for the code and field wins; otherwise, in Chinese, the
 * server's own (specific, Chinese) sentence; otherwise the translation for the code alone.
 */
export function describeFailure(failure: AppFailure, t: TFunction, i18n: I18n): string {
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const wait = failure.retryAfterSeconds ? formatWait(failure.retryAfterSeconds, t) : null;
  if (failure.field) {
    const key = `fieldErrors.${failure.code}.${fieldKey(failure.field)}`;
    if (i18n.exists(key)) return translate(key, { wait });
  }
  if (failure.code === "RATE_LIMITED" && wait) return translate("errors.RATE_LIMITED_WAIT", { wait });
  if (i18n.language.startsWith("zh") && HAS_CHINESE.test(failure.message)) return failure.message;
  if (i18n.exists(`errors.${failure.code}`)) return translate(`errors.${failure.code}`);
  return failure.message || translate("errors.UNKNOWN");
}

export function useDescribeFailure() {
  const { t, i18n } = useTranslation();
  return useCallback((failure: AppFailure) => describeFailure(failure, t, i18n), [t, i18n]);
}

/** The form path for a server field, e.g. "households.2.unit" → ["households", 2, "unit"]. */
export function namePathOf(field: string): (string | number)[] {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failure on the form field it names, when the form has that field (`fields` lists the
 * top-level names it has, and optionally renames server fields). Returns false if it could not,
 * so the caller shows it above the form instead.
 */
export function useShowFailureOnForm() {
  const describe = useDescribeFailure();
  return useCallback(
    (
      form: FormInstance,
      failure: AppFailure,
      fields: readonly string[],
      rename: Record<string, string> = {},
    ): boolean => {
      if (!failure.field) return false;
      const path = namePathOf(failure.field);
      const top = String(path[0]);
      const target = rename[top] ?? top;
      if (!fields.includes(target)) return false;
      form.setFields([{ name: [target, ...path.slice(1)], errors: [describe(failure)] }]);
      form.scrollToField([target, ...path.slice(1)]);
      return true;
    },
    [describe],
  );
}
