import { CalendarOutlined } from "@ant-design/icons";
import { Flex, Input, InputNumber, Segmented, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { addDays, formatDay, shanghaiToday } from "../shared/dates";
import { DueCalendarDocument, DueDateAfterDocument } from "./documents";

/** A transfer's due date: in working days from today (the usual way), or a date. */
export interface DueValue {
  mode: "days" | "date";
  days: number | null;
  date: string | null;
}

/** The server's default when no due date is given (DEFAULT_DUE_WORKING_DAYS). */
export const DEFAULT_DUE: DueValue = { mode: "days", days: 15, date: null };

export const MAX_DUE_WORKING_DAYS = 120;

/** Why a due value cannot be sent, or null. */
export function dueProblem(value: DueValue | undefined, t: TFunction): string | null {
  if (!value) return t("suggestDeputy.due.required");
  if (value.mode === "days") {
    const days = value.days;
    if (days == null) return t("suggestDeputy.due.required");
    if (!Number.isInteger(days) || days < 1 || days > MAX_DUE_WORKING_DAYS) return t("suggestDeputy.due.range");
    return null;
  }
  if (!value.date) return t("suggestDeputy.due.required");
  if (value.date < shanghaiToday()) return t("suggestDeputy.due.past");
  return null;
}

/** The TransferInput fields for a due value. */
export function dueInput(value: DueValue): { dueInWorkingDays?: number; dueOn?: string } {
  return value.mode === "date" && value.date ? { dueOn: value.date } : { dueInWorkingDays: value.days ?? 15 };
}

interface DueDateInputProps {
  value?: DueValue;
  onChange?: (value: DueValue) => void;
  id?: string;
  /** Names the field for screen readers (e.g. the department). */
  label: string;
}

/**
 * Picks a due date the way the server counts it: N working days on the Chinese calendar (holidays,
 * 调休 and the street office's own overrides), and shows the resulting date; or a date, with a
 * warning when it falls on a day off. Works inside antd Form (value/onChange).
 */
export function DueDateInput({ value = DEFAULT_DUE, onChange, id, label }: DueDateInputProps) {
  const { t, i18n } = useTranslation();
  const today = shanghaiToday();
  const validDays =
    value.mode === "days" && value.days != null && value.days >= 1 && value.days <= MAX_DUE_WORKING_DAYS;
  const [computed] = useQuery({
    query: DueDateAfterDocument,
    variables: { workingDays: value.days ?? 15 },
    pause: !validDays,
  });
  const dateYear = value.date ? Number(value.date.slice(0, 4)) : null;
  const thisYear = Number(today.slice(0, 4));
  const [calendarThisYear] = useQuery({
    query: DueCalendarDocument,
    variables: { year: thisYear },
    pause: value.mode !== "date" || !value.date,
  });
  const [calendarThatYear] = useQuery({
    query: DueCalendarDocument,
    variables: { year: dateYear ?? thisYear },
    pause: value.mode !== "date" || !dateYear || dateYear === thisYear,
  });

  let summary: React.ReactNode = null;
  if (value.mode === "days" && validDays) {
    const due = computed.data?.dueDateAfter;
    summary = due ? (
      <span data-testid="due-computed" data-date={due}>
        {t("suggestDeputy.due.computed", { date: formatDay(due, i18n.language) })}
      </span>
    ) : (
      <span>{t("common.loading")}</span>
    );
  } else if (value.mode === "date" && value.date && value.date >= today) {
    const days = [...(calendarThisYear.data?.workCalendar ?? []), ...(calendarThatYear.data?.workCalendar ?? [])];
    const byDate = new Map(days.map((d) => [d.date, d]));
    const day = byDate.get(value.date);
    if (day) {
      let workdays = 0;
      for (let d = addDays(today, 1); d <= value.date; d = addDays(d, 1)) {
        if (byDate.get(d)?.isWorkday) workdays += 1;
      }
      summary = (
        <Flex vertical gap={2}>
          <span data-testid="due-computed" data-date={value.date}>
            {t("suggestDeputy.due.onDate", { date: formatDay(value.date, i18n.language), count: workdays })}
          </span>
          {!day.isWorkday && (
            <Typography.Text type="warning">
              {t("suggestDeputy.due.dayOff", { name: day.name || t("suggestDeputy.due.dayOffName") })}
            </Typography.Text>
          )}
        </Flex>
      );
    }
  }

  return (
    <Flex vertical gap={6} className="wb-due">
      <Flex gap={8} wrap align="center">
        <Segmented<"days" | "date">
          size="middle"
          value={value.mode}
          onChange={(mode) =>
            onChange?.({
              ...value,
              mode,
              date: mode === "date" ? (value.date ?? computed.data?.dueDateAfter ?? null) : value.date,
            })
          }
          options={[
            { value: "days", label: t("suggestDeputy.due.byDays") },
            { value: "date", label: t("suggestDeputy.due.byDate"), icon: <CalendarOutlined /> },
          ]}
          aria-label={t("suggestDeputy.due.mode", { label })}
        />
        {value.mode === "days" ? (
          <InputNumber
            id={id}
            min={1}
            max={MAX_DUE_WORKING_DAYS}
            precision={0}
            value={value.days}
            onChange={(days) => onChange?.({ ...value, days: days ?? null })}
            suffix={t("suggestDeputy.due.workingDays")}
            aria-label={t("suggestDeputy.due.daysLabel", { label })}
            className="wb-due-days"
          />
        ) : (
          <Input
            id={id}
            type="date"
            min={today}
            value={value.date ?? ""}
            onChange={(event) => onChange?.({ ...value, date: event.target.value || null })}
            aria-label={t("suggestDeputy.due.dateLabel", { label })}
            className="wb-due-date"
          />
        )}
      </Flex>
      {summary && (
        <Typography.Text type="secondary" className="wb-due-summary">
          {summary}
        </Typography.Text>
      )}
    </Flex>
  );
}
