import { CalendarOutlined, EditOutlined, LeftOutlined, RightOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Radio, Row, Tag, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { FormFailure } from "../../../components/FormFailure";
import { useDescribeFailure, useShowFailureOnForm } from "../../../components/failure";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type { OfficeCalendarDayFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { useViewer } from "../../../session/ViewerProvider";
import { formatDay, formatShortDay, shanghaiToday, weekdayIndex } from "../shared/dates";
import { OfficeCalendarDocument, OfficeClearCalendarDayDocument, OfficeSetCalendarDayDocument } from "./documents";
import { isIsoDate } from "./period";

type Day = OfficeCalendarDayFragment;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * 工作日历: the days due dates are counted on — public holidays, 调休 working days, the office's own
 * changes. Staff read it; only administrators change it (one calendar serves every post).
 */
export function WorkCalendarPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const mayEdit = viewer.roles.some((r) => r.role === "ADMIN");
  const [params, setParams] = useSearchParams();
  const today = shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : thisYear;
  const [editing, setEditing] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OfficeCalendarDocument,
    variables: { year },
    requestPolicy: "cache-and-network",
  });
  const reload = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const days = data?.workCalendar;
  const byDate = useMemo(() => new Map((days ?? []).map((d) => [d.date, d])), [days]);

  const goTo = (next: number) => setParams(next === thisYear ? {} : { year: String(next) }, { replace: true });

  return (
    <Page
      title={t("suggestOffice.calendar.title")}
      description={t("suggestOffice.calendar.lead")}
      extra={
        mayEdit && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing("")}>
            {t("suggestOffice.calendar.adjust")}
          </Button>
        )
      }
    >
      {!mayEdit && (
        <Alert
          type="warning"
          showIcon
          title={t("suggestOffice.calendar.adminOnly")}
          className="wc-explain"
          data-testid="calendar-admin-only"
        />
      )}
      <Alert
        type="info"
        showIcon
        icon={<CalendarOutlined />}
        title={t("suggestOffice.calendar.explainTitle")}
        description={t("suggestOffice.calendar.explain")}
        className="wc-explain"
      />
      <Flex justify="space-between" align="center" gap={12} wrap className="wc-toolbar">
        <Flex align="center" gap={4}>
          <Button
            icon={<LeftOutlined />}
            onClick={() => goTo(year - 1)}
            disabled={year <= MIN_YEAR}
            aria-label={t("suggestOffice.calendar.previousYear")}
          />
          <Typography.Title level={3} className="wc-year" aria-live="polite">
            {t("suggestOffice.calendar.year", { year })}
          </Typography.Title>
          <Button
            icon={<RightOutlined />}
            onClick={() => goTo(year + 1)}
            disabled={year >= MAX_YEAR}
            aria-label={t("suggestOffice.calendar.nextYear")}
          />
          {year !== thisYear && (
            <Button type="link" onClick={() => goTo(thisYear)}>
              {t("suggestOffice.calendar.thisYear")}
            </Button>
          )}
        </Flex>
        <Legend />
      </Flex>
      <QueryState fetching={fetching} error={error} hasData={Boolean(days)} onRetry={reload} rows={10}>
        {days && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={7}>
              <SpecialDays days={days} onEdit={mayEdit ? setEditing : null} onChanged={reload} />
            </Col>
            <Col xs={24} xl={17}>
              <div className="wc-months" data-testid="calendar-months">
                {MONTHS.map((month) => (
                  <MonthGrid
                    key={month}
                    year={year}
                    month={month}
                    byDate={byDate}
                    today={today}
                    onPick={mayEdit ? setEditing : null}
                  />
                ))}
              </div>
            </Col>
          </Row>
        )}
      </QueryState>
      {editing !== null && (
        <DayDialog
          initialDate={editing}
          year={year}
          dayOf={(date) => byDate.get(date)}
          onClose={() => setEditing(null)}
          onSaved={(date) => {
            setEditing(null);
            reload();
            const savedYear = Number(date.slice(0, 4));
            if (savedYear !== year) goTo(savedYear);
          }}
        />
      )}
    </Page>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="wc-legend" aria-label={t("suggestOffice.calendar.legend")}>
      {(["holiday", "makeup", "override", "weekend"] as const).map((kind) => (
        <li key={kind}>
          <span className={`wc-swatch wc-${kind}`} aria-hidden />
          {t(`suggestOffice.calendar.kind.${kind}`)}
        </li>
      ))}
    </ul>
  );
}

/** How a day is drawn: its kind (for colour) and its one-character mark (休 / 班). */
function kindOf(day: Day): "holiday" | "makeup" | "override" | "weekend" | "workday" {
  if (day.source === "OVERRIDE") return "override";
  if (day.source === "OFFICIAL_HOLIDAY") return "holiday";
  if (day.source === "OFFICIAL_WORKDAY") return "makeup";
  if (day.source === "WEEKEND") return "weekend";
  return "workday";
}

interface MonthGridProps {
  year: number;
  month: number;
  byDate: ReadonlyMap<string, Day>;
  today: string;
  /** Null: read only (not an administrator). */
  onPick: ((date: string) => void) | null;
}

function MonthGrid({ year, month, byDate, today, onPick }: MonthGridProps) {
  const { t, i18n } = useTranslation();
  const prefix = `${year}-${String(month).padStart(2, "0")}`;
  const first = `${prefix}-01`;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = weekdayIndex(first);
  const weekdays = t("suggestOffice.calendar.weekdays").split(",");
  const monthName = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", {
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${first}T12:00:00Z`));
  let workdays = 0;
  for (let d = 1; d <= length; d++) if (byDate.get(`${prefix}-${String(d).padStart(2, "0")}`)?.isWorkday) workdays++;

  return (
    <section className="wc-month" aria-label={monthName} data-month={prefix}>
      <header className="wc-month-head">
        <Typography.Text strong>{monthName}</Typography.Text>
        <Typography.Text type="secondary" className="wc-month-count">
          {t("suggestOffice.calendar.workdays", { count: workdays })}
        </Typography.Text>
      </header>
      <div className="wc-grid">
        {weekdays.map((w, i) => (
          <span key={w} className={`wc-weekday${i >= 5 ? " is-weekend" : ""}`} aria-hidden>
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity
          <span key={`blank-${i}`} className="wc-blank" />
        ))}
        {Array.from({ length }, (_, i) => {
          const date = `${prefix}-${String(i + 1).padStart(2, "0")}`;
          const day = byDate.get(date);
          if (!day) return <span key={date} className="wc-blank" />;
          const kind = kindOf(day);
          const mark =
            kind === "holiday" || (kind === "override" && !day.isWorkday)
              ? t("suggestOffice.calendar.off")
              : kind === "makeup" || (kind === "override" && day.isWorkday)
                ? t("suggestOffice.calendar.on")
                : null;
          const label = [
            formatDay(date, i18n.language),
            day.name,
            day.isWorkday ? t("suggestOffice.calendar.workday") : t("suggestOffice.calendar.dayOff"),
          ]
            .filter(Boolean)
            .join("，");
          return (
            <button
              type="button"
              key={date}
              className={`wc-day wc-${kind}${day.isWorkday ? " is-workday" : " is-off"}${date === today ? " is-today" : ""}`}
              onClick={onPick ? () => onPick(date) : undefined}
              disabled={!onPick}
              title={label}
              aria-label={label}
              data-date={date}
            >
              <span className="wc-day-number">{i + 1}</span>
              {mark && <span className="wc-day-mark">{mark}</span>}
            </button>
          );
        })}
      </div>
    </section>
  );
}

/** Runs of consecutive days with the same name and kind: 国庆节 10月1日–10月8日. */
function runsOf(days: readonly Day[], keep: (day: Day) => boolean) {
  const runs: { name: string; from: string; to: string; count: number; day: Day }[] = [];
  for (const day of days) {
    if (!keep(day)) continue;
    const last = runs[runs.length - 1];
    const previous = last ? new Date(`${last.to}T12:00:00Z`) : null;
    previous?.setUTCDate(previous.getUTCDate() + 1);
    if (last && last.name === day.name && previous?.toISOString().slice(0, 10) === day.date) {
      last.to = day.date;
      last.count++;
    } else {
      runs.push({ name: day.name, from: day.date, to: day.date, count: 1, day });
    }
  }
  return runs;
}

/** The year's holidays, 调休 working days and the office's own changes, as a list. */
function SpecialDays({
  days,
  onEdit,
  onChanged,
}: {
  days: readonly Day[];
  /** Null: read only (not an administrator). */
  onEdit: ((date: string) => void) | null;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, clear] = useAppMutation(OfficeClearCalendarDayDocument);
  const holidays = runsOf(days, (d) => d.source === "OFFICIAL_HOLIDAY");
  const makeup = days.filter((d) => d.source === "OFFICIAL_WORKDAY");
  const overrides = days.filter((d) => d.source === "OVERRIDE");
  const range = (from: string, to: string) =>
    from === to
      ? formatShortDay(from, i18n.language)
      : `${formatShortDay(from, i18n.language)}–${formatShortDay(to, i18n.language)}`;

  const restore = async (date: string) => {
    const outcome = await clear({ date });
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(t("suggestOffice.calendar.restored", { date: formatDay(date, i18n.language, false) }));
    onChanged();
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("suggestOffice.calendar.overrides")} data-testid="calendar-overrides">
        {overrides.length === 0 ? (
          <Typography.Text type="secondary">{t("suggestOffice.calendar.noOverrides")}</Typography.Text>
        ) : (
          <ul className="wc-list">
            {overrides.map((d) => (
              <li key={d.date} className="wc-list-item">
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <span>
                    <Typography.Text strong>{formatShortDay(d.date, i18n.language)}</Typography.Text>{" "}
                    <Tag color={d.isWorkday ? "orange" : "red"}>
                      {d.isWorkday ? t("suggestOffice.calendar.workday") : t("suggestOffice.calendar.dayOff")}
                    </Tag>
                    {d.name}
                  </span>
                  {onEdit && (
                    <Flex gap={4}>
                      <Button size="small" onClick={() => onEdit(d.date)}>
                        {t("common.edit")}
                      </Button>
                      <Button
                        size="small"
                        icon={<UndoOutlined />}
                        loading={state.fetching}
                        onClick={() => restore(d.date)}
                      >
                        {t("suggestOffice.calendar.restore")}
                      </Button>
                    </Flex>
                  )}
                </Flex>
                <Typography.Text type="secondary" className="wc-official">
                  {t("suggestOffice.calendar.officially", {
                    what: d.officialIsWorkday
                      ? t("suggestOffice.calendar.workday")
                      : d.officialName || t("suggestOffice.calendar.dayOff"),
                  })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={t("suggestOffice.calendar.holidays")}>
        {holidays.length === 0 ? (
          <Typography.Text type="secondary">{t("suggestOffice.calendar.noHolidays")}</Typography.Text>
        ) : (
          <ul className="wc-list">
            {holidays.map((run) => (
              <li key={run.from} className="wc-list-item">
                <Typography.Text strong>{run.name}</Typography.Text>{" "}
                <Typography.Text>{range(run.from, run.to)}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {t("suggestOffice.calendar.days", { count: run.count })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={t("suggestOffice.calendar.makeupDays")}>
        {makeup.length === 0 ? (
          <Typography.Text type="secondary">{t("suggestOffice.calendar.noMakeup")}</Typography.Text>
        ) : (
          <ul className="wc-list">
            {makeup.map((d) => (
              <li key={d.date} className="wc-list-item">
                <Typography.Text strong>{formatDay(d.date, i18n.language)}</Typography.Text>{" "}
                <Typography.Text type="secondary">{d.name}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Flex>
  );
}

interface DayValues {
  date: string;
  isWorkday: boolean;
  name?: string;
}

interface DayDialogProps {
  /** The day clicked, or "" to type one. */
  initialDate: string;
  year: number;
  dayOf(date: string): Day | undefined;
  onClose(): void;
  onSaved(date: string): void;
}

/** Make a day a working day or a day off (with a name), or give it back to the official calendar. */
function DayDialog({ initialDate, year, dayOf, onClose, onSaved }: DayDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [setState, setDay] = useAppMutation(OfficeSetCalendarDayDocument);
  const [clearState, clearDay] = useAppMutation(OfficeClearCalendarDayDocument);
  const initial = initialDate ? dayOf(initialDate) : undefined;
  const date = Form.useWatch("date", form) ?? initialDate;
  const day = isIsoDate(date) ? dayOf(date) : undefined;

  const submit = async (values: DayValues) => {
    setFailure(null);
    const outcome = await setDay({ date: values.date, isWorkday: values.isWorkday, name: values.name?.trim() || null });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["date", "isWorkday", "name"]) ? null : outcome.error);
      return;
    }
    message.success(t("suggestOffice.calendar.saved", { date: formatDay(values.date, i18n.language, false) }));
    onSaved(values.date);
  };

  const restore = async () => {
    setFailure(null);
    const outcome = await clearDay({ date });
    if (outcome.error) {
      setFailure(outcome.error);
      return;
    }
    message.success(t("suggestOffice.calendar.restored", { date: formatDay(date, i18n.language, false) }));
    onSaved(date);
  };

  return (
    <Modal
      open
      title={
        initialDate
          ? t("suggestOffice.calendar.dialogTitle", { date: formatDay(initialDate, i18n.language) })
          : t("suggestOffice.calendar.adjust")
      }
      okText={t("common.save")}
      okButtonProps={{ loading: setState.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <Flex justify="space-between" gap={8} wrap>
          <span>
            {day?.source === "OVERRIDE" && (
              <Button icon={<UndoOutlined />} loading={clearState.fetching} onClick={restore}>
                {t("suggestOffice.calendar.restore")}
              </Button>
            )}
          </span>
          <Flex gap={8}>
            <CancelBtn />
            <OkBtn />
          </Flex>
        </Flex>
      )}
    >
      <Form<DayValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          date: initialDate || `${year}-01-01`,
          isWorkday: initial ? !initial.isWorkday : false,
          name: initial?.source === "OVERRIDE" ? initial.name : "",
        }}
      >
        <Form.Item
          name="date"
          label={t("suggestOffice.calendar.date")}
          hidden={Boolean(initialDate)}
          rules={[{ required: true, message: t("suggestOffice.calendar.dateRequired") }]}
        >
          <Input type="date" />
        </Form.Item>
        {day && (
          <Typography.Paragraph className="wc-now">
            {t("suggestOffice.calendar.now", {
              what: day.isWorkday
                ? t("suggestOffice.calendar.workday")
                : `${t("suggestOffice.calendar.dayOff")}${day.name ? `（${day.name}）` : ""}`,
            })}
            {day.source === "OVERRIDE" && (
              <Typography.Text type="secondary">
                {" "}
                {t("suggestOffice.calendar.officially", {
                  what: day.officialIsWorkday
                    ? t("suggestOffice.calendar.workday")
                    : day.officialName || t("suggestOffice.calendar.dayOff"),
                })}
              </Typography.Text>
            )}
          </Typography.Paragraph>
        )}
        <Form.Item name="isWorkday" label={t("suggestOffice.calendar.makeIt")}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: false, label: t("suggestOffice.calendar.dayOff") },
              { value: true, label: t("suggestOffice.calendar.workday") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("suggestOffice.calendar.name")}
          extra={t("suggestOffice.calendar.nameHint")}
          rules={[{ max: 30, message: t("suggestOffice.calendar.nameTooLong") }]}
        >
          <Input maxLength={30} showCount placeholder={t("suggestOffice.calendar.namePlaceholder")} />
        </Form.Item>
        <Typography.Paragraph type="secondary" className="wc-effect">
          {t("suggestOffice.calendar.effect")}
        </Typography.Paragraph>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
