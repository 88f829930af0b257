import {
  CalendarOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FormOutlined,
  LeftOutlined,
  PhoneOutlined,
  PlusOutlined,
  StopOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { FormFailure } from "../../../components/FormFailure";
import { useDescribeFailure, useShowFailureOnForm } from "../../../components/failure";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { BookingStatus, ManagedDayFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { addDays, formatTimeSpan, shanghaiToday } from "../shared/dates";
import { ScheduleDialog } from "./ScheduleDialog";
import { useHandlerScope } from "./scope";

const ManagedDaysDocument = graphql(`
  query ManagedReceptionDays($from: Date, $to: Date, $postId: ID) {
    receptionDays(from: $from, to: $to, postId: $postId, includeCancelled: true) {
      ...ManagedDay
    }
  }
`);

const CancelReceptionDayDocument = graphql(`
  mutation CancelReceptionDay($id: ID!, $reason: String!) {
    cancelReceptionDay(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelReceptionDaySuccess {
        data {
          ...ManagedDay
        }
      }
      ...Failure
    }
  }
`);

const MarkAttendanceDocument = graphql(`
  mutation MarkReceptionAttendance($bookingId: ID!, $attended: Boolean!) {
    markReceptionAttendance(bookingId: $bookingId, attended: $attended) {
      __typename
      ... on MutationMarkReceptionAttendanceSuccess {
        data {
          id
          status
        }
      }
      ...Failure
    }
  }
`);

const RecordVisitorsDocument = graphql(`
  mutation RecordReceptionVisitors($receptionDayId: ID!, $visitorCount: Int!) {
    recordReceptionVisitors(receptionDayId: $receptionDayId, visitorCount: $visitorCount) {
      __typename
      ... on MutationRecordReceptionVisitorsSuccess {
        data {
          id
          visitorCount
        }
      }
      ...Failure
    }
  }
`);

type View = "upcoming" | "past";
/** How far back the 已结束 view reaches. */
const PAST_DAYS = 60;

const BOOKING_COLORS: Record<BookingStatus, string> = {
  BOOKED: "blue",
  ATTENDED: "green",
  NO_SHOW: "default",
  CANCELLED: "default",
};

/** The link that records a suggestion heard from a booked resident, prefilled. */
function recordLink(day: ManagedDayFragment, booking?: ManagedDayFragment["bookings"][number]): string {
  const params = new URLSearchParams({ receptionDay: day.id });
  if (booking?.residentPhone) params.set("phone", booking.residentPhone);
  if (booking?.residentName) params.set("name", booking.residentName);
  if (booking?.subject) params.set("subject", booking.subject);
  return `/workbench/record?${params}`;
}

/**
 * 接待日安排: the reception days of the viewer's posts (deputies) or areas (staff) — schedule one,
 * call one off, see who booked and why (private to deputies and staff), mark who came, record
 * 接待人次, and record a suggestion heard from a booked resident.
 */
export function ReceptionSchedulePage() {
  const { t } = useTranslation();
  const scope = useHandlerScope();
  const [view, setView] = useState<View>("upcoming");
  const [postId, setPostId] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const today = shanghaiToday();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ManagedDaysDocument,
    variables: view === "upcoming" ? { postId } : { postId, from: addDays(today, -PAST_DAYS), to: today },
    requestPolicy: "cache-and-network",
  });
  const reload = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const now = Date.now();
  const days = (data?.receptionDays ?? [])
    .filter((d) => d.viewerMayManage)
    .filter((d) => (view === "past" ? Date.parse(d.endsAt) < now : true));
  if (view === "past") days.reverse();
  const noScope = !scope.loading && !scope.isDeputy && !scope.isStaff;

  return (
    <Page
      title={t("suggestDeputy.reception.title")}
      description={t("suggestDeputy.reception.lead")}
      extra={
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setScheduling(true)}
            disabled={!scope.posts.length}
          >
            {t("suggestDeputy.reception.schedule")}
          </Button>
          <LinkButton to="/workbench" icon={<LeftOutlined />}>
            {t("suggestDeputy.handle.back")}
          </LinkButton>
        </Flex>
      }
    >
      {noScope ? (
        <Alert type="info" showIcon title={t("suggestDeputy.workbench.noScope")} />
      ) : (
        <>
          <Card className="filter-card">
            <Row gutter={[12, 12]} align="middle">
              <Col xs={24} md={12}>
                <Segmented<View>
                  value={view}
                  onChange={setView}
                  options={[
                    { value: "upcoming", label: t("suggestDeputy.reception.upcoming") },
                    { value: "past", label: t("suggestDeputy.reception.past", { days: PAST_DAYS }) },
                  ]}
                />
              </Col>
              {scope.posts.length > 1 && (
                <Col xs={24} md={12}>
                  <Select
                    allowClear
                    value={postId}
                    onChange={(value) => setPostId(value ?? null)}
                    placeholder={t("suggestDeputy.workbench.allPosts")}
                    aria-label={t("suggestDeputy.reception.post")}
                    style={{ width: "100%" }}
                    options={scope.posts.map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Col>
              )}
            </Row>
          </Card>
          <QueryState
            fetching={fetching}
            error={error}
            hasData={Boolean(data)}
            empty={days.length === 0}
            emptyText={t(
              view === "upcoming" ? "suggestDeputy.reception.noneUpcoming" : "suggestDeputy.reception.nonePast",
            )}
            emptyAction={
              view === "upcoming" && scope.posts.length > 0 ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
                  {t("suggestDeputy.reception.schedule")}
                </Button>
              ) : undefined
            }
            onRetry={reload}
          >
            <Flex vertical gap={12}>
              {days.map((day) => (
                <DayCard key={day.id} day={day} scope={scope} onChanged={reload} />
              ))}
            </Flex>
          </QueryState>
        </>
      )}
      {scheduling && (
        <ScheduleDialog
          posts={scope.posts}
          deputyPostIds={scope.deputyPostIds}
          isStaff={scope.isStaff}
          onClose={() => setScheduling(false)}
          onDone={() => {
            setScheduling(false);
            setView("upcoming");
            reload();
          }}
        />
      )}
    </Page>
  );
}

function DayCard({
  day,
  scope,
  onChanged,
}: {
  day: ManagedDayFragment;
  scope: ReturnType<typeof useHandlerScope>;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const now = Date.now();
  const started = Date.parse(day.startsAt) <= now;
  const ended = Date.parse(day.endsAt) <= now;
  const cancelled = Boolean(day.cancelledAt);
  const bookings = day.bookings.filter((b) => b.status !== "CANCELLED");
  const cancelledBookings = day.bookings.length - bookings.length;

  return (
    <Card
      className={`wb-reception${cancelled ? " is-cancelled" : ""}`}
      data-testid="reception-day"
      title={
        <Flex vertical gap={2} className="wb-reception-title">
          <Typography.Text strong>
            <CalendarOutlined /> {formatTimeSpan(day.startsAt, day.endsAt, i18n.language)}
          </Typography.Text>
          <Typography.Text type="secondary" className="wb-reception-post">
            {day.post.name}
          </Typography.Text>
        </Flex>
      }
      extra={
        cancelled ? (
          <Tag>{t("suggestDeputy.reception.cancelled")}</Tag>
        ) : started && !ended ? (
          <Tag color="green">{t("suggestDeputy.reception.ongoing")}</Tag>
        ) : ended ? (
          <Tag>{t("suggestDeputy.reception.ended")}</Tag>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Flex vertical gap={4} className="wb-reception-facts">
          <Typography.Text>
            <EnvironmentOutlined /> {day.place}
          </Typography.Text>
          <Typography.Text>
            <TeamOutlined />{" "}
            {day.deputies.length
              ? day.deputies.map((d) => `${d.name}（${d.title}）`).join("、")
              : t("suggestDeputy.reception.noDeputies")}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t("suggestDeputy.reception.slots", { booked: day.bookedCount, capacity: day.capacity })}
            {day.visitorCount != null && ` · ${t("suggestDeputy.reception.visitors", { count: day.visitorCount })}`}
          </Typography.Text>
          {day.note && <Typography.Paragraph className="wb-reception-note">{day.note}</Typography.Paragraph>}
        </Flex>

        {!cancelled && (
          <Flex gap={8} wrap>
            {started && (
              <LinkButton to={recordLink(day)} icon={<FormOutlined />}>
                {t("suggestDeputy.reception.recordWalkIn")}
              </LinkButton>
            )}
            {!ended && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("suggestDeputy.reception.edit")}
              </Button>
            )}
            {!ended && (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
                {t("suggestDeputy.reception.cancel")}
              </Button>
            )}
          </Flex>
        )}
        {!cancelled && started && <VisitorsForm day={day} />}

        <section aria-label={t("suggestDeputy.reception.bookings")}>
          <Typography.Title level={5} className="wb-bookings-title">
            {t("suggestDeputy.reception.bookingsCount", { count: bookings.length })}
            {cancelledBookings > 0 && (
              <Typography.Text type="secondary" className="wb-bookings-cancelled">
                {t("suggestDeputy.reception.bookingsCancelled", { count: cancelledBookings })}
              </Typography.Text>
            )}
          </Typography.Title>
          {bookings.length === 0 ? (
            <Typography.Text type="secondary">{t("suggestDeputy.reception.noBookings")}</Typography.Text>
          ) : (
            <ul className="wb-booking-list">
              {bookings.map((booking) => (
                <BookingRow key={booking.id} day={day} booking={booking} started={started && !cancelled} />
              ))}
            </ul>
          )}
          <Typography.Text type="secondary" className="privacy-note">
            {t("suggestDeputy.reception.bookingsPrivate")}
          </Typography.Text>
        </section>
      </Flex>
      {editing && (
        <ScheduleDialog
          posts={scope.posts}
          deputyPostIds={scope.deputyPostIds}
          isStaff={scope.isStaff}
          day={day}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      {cancelling && (
        <CancelDialog
          day={day}
          onClose={() => setCancelling(false)}
          onDone={() => {
            setCancelling(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function BookingRow({
  day,
  booking,
  started,
}: {
  day: ManagedDayFragment;
  booking: ManagedDayFragment["bookings"][number];
  started: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, mark] = useAppMutation(MarkAttendanceDocument);
  const [marking, setMarking] = useState<boolean | null>(null);

  const markAs = async (attended: boolean) => {
    setMarking(attended);
    const outcome = await mark({ bookingId: booking.id, attended });
    setMarking(null);
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(t(attended ? "suggestDeputy.reception.markedAttended" : "suggestDeputy.reception.markedNoShow"));
  };

  return (
    <li className="wb-booking" data-testid="booking">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={2} className="wb-booking-who">
          <Space size={8} wrap>
            <Typography.Text strong>{booking.residentName ?? t("suggestDeputy.handle.noName")}</Typography.Text>
            <Tag color={BOOKING_COLORS[booking.status]} className="status-tag" data-status={booking.status}>
              {t(`suggestDeputy.reception.bookingStatus.${booking.status}`)}
            </Tag>
          </Space>
          {booking.residentPhone && (
            <a href={`tel:${booking.residentPhone}`} className="wb-booking-phone">
              <PhoneOutlined /> {booking.residentPhone}
            </a>
          )}
          <Typography.Text className="wb-booking-subject">{booking.subject}</Typography.Text>
        </Flex>
        {started && (
          <Flex gap={6} wrap className="wb-booking-actions">
            {booking.status === "BOOKED" && (
              <>
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  loading={state.fetching && marking === true}
                  onClick={() => void markAs(true)}
                >
                  {t("suggestDeputy.reception.attended")}
                </Button>
                <Button
                  size="small"
                  icon={<CloseOutlined />}
                  loading={state.fetching && marking === false}
                  onClick={() => void markAs(false)}
                >
                  {t("suggestDeputy.reception.noShow")}
                </Button>
              </>
            )}
            {booking.status !== "NO_SHOW" && (
              <LinkButton size="small" type="primary" ghost to={recordLink(day, booking)} icon={<FormOutlined />}>
                {t("suggestDeputy.reception.recordFromBooking")}
              </LinkButton>
            )}
          </Flex>
        )}
      </Flex>
    </li>
  );
}

function VisitorsForm({ day }: { day: ManagedDayFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [value, setValue] = useState<number | null>(day.visitorCount ?? null);
  const [state, save] = useAppMutation(RecordVisitorsDocument);
  const attended = day.bookings.filter((b) => b.status === "ATTENDED").length;

  const submit = async () => {
    if (value == null) return;
    const outcome = await save({ receptionDayId: day.id, visitorCount: value });
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(t("suggestDeputy.reception.visitorsSaved"));
  };

  return (
    <Flex gap={8} align="center" wrap className="wb-visitors">
      <Typography.Text>{t("suggestDeputy.reception.visitorsLabel")}</Typography.Text>
      <Space.Compact>
        <InputNumber
          min={attended}
          max={1000}
          precision={0}
          value={value}
          onChange={setValue}
          placeholder={String(attended)}
          aria-label={t("suggestDeputy.reception.visitorsLabel")}
          suffix={t("suggestDeputy.reception.personTimes")}
        />
        <Button onClick={() => void submit()} loading={state.fetching} disabled={value == null}>
          {t("common.save")}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary">
        {t("suggestDeputy.reception.visitorsHint", { count: attended })}
      </Typography.Text>
    </Flex>
  );
}

function CancelDialog({ day, onClose, onDone }: { day: ManagedDayFragment; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, cancel] = useAppMutation(CancelReceptionDayDocument);
  const booked = day.bookings.filter((b) => b.status === "BOOKED").length;

  const submit = async ({ reason }: { reason: string }) => {
    setFailure(null);
    const outcome = await cancel({ id: day.id, reason: reason.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["reason"]) ? null : outcome.error);
      return;
    }
    message.success(t("suggestDeputy.reception.cancelDone"));
    onDone();
  };

  return (
    <Modal
      open
      title={t("suggestDeputy.reception.cancelTitle", {
        when: formatTimeSpan(day.startsAt, day.endsAt, i18n.language),
      })}
      okText={t("suggestDeputy.reception.cancelOk")}
      cancelText={t("suggestDeputy.reception.keep")}
      okButtonProps={{ danger: true, loading: state.fetching, size: "large" }}
      cancelButtonProps={{ size: "large" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {booked > 0
          ? t("suggestDeputy.reception.cancelBodyBooked", { count: booked })
          : t("suggestDeputy.reception.cancelBody")}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t("suggestDeputy.reception.cancelReason")}
          rules={[{ required: true, whitespace: true, message: t("suggestDeputy.reception.cancelReasonRequired") }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
