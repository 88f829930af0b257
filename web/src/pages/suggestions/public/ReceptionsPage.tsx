import {
  CalendarOutlined,
  CheckCircleFilled,
  ClockCircleOutlined,
  EnvironmentOutlined,
  LoginOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { FormFailure } from "../../../components/FormFailure";
import { useDescribeFailure, useShowFailureOnForm } from "../../../components/failure";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { MyReceptionBookingListQuery, ReceptionDayFieldsFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { useViewer } from "../../../session/ViewerProvider";
import { formatDay, formatTimeRange } from "./model";
import { PostSelect } from "./PostSelect";
import { usePostChoices } from "./usePostChoices";

export const ReceptionDayFieldsFragmentDoc = graphql(`
  fragment ReceptionDayFields on ReceptionDay {
    id
    startsAt
    endsAt
    place
    note
    capacity
    bookedCount
    remaining
    cancelledAt
    post {
      id
      name
      kind
      address
    }
    deputies {
      id
      name
      title
    }
    viewerBooking {
      id
      status
      subject
      createdAt
    }
  }
`);

const ReceptionDaysDocument = graphql(`
  query ResidentReceptionDays($postId: ID) {
    receptionDays(postId: $postId) {
      ...ReceptionDayFields
    }
  }
`);

const MyBookingsDocument = graphql(`
  query MyReceptionBookingList {
    myReceptionBookings {
      id
      status
      subject
      receptionDay {
        id
        startsAt
        endsAt
        place
        cancelledAt
        post {
          id
          name
        }
      }
    }
  }
`);

// Both answer with the day's slots and the viewer's booking, so graphcache updates the card in place.
const BookReceptionDocument = graphql(`
  mutation ResidentBookReception($receptionDayId: ID!, $subject: String!) {
    bookReception(receptionDayId: $receptionDayId, subject: $subject) {
      __typename
      ... on MutationBookReceptionSuccess {
        data {
          id
          status
          subject
          receptionDay {
            id
            bookedCount
            remaining
            viewerBooking {
              id
              status
              subject
              createdAt
            }
          }
        }
      }
      ...Failure
    }
  }
`);

const CancelBookingDocument = graphql(`
  mutation ResidentCancelReceptionBooking($id: ID!) {
    cancelReceptionBooking(id: $id) {
      __typename
      ... on MutationCancelReceptionBookingSuccess {
        data {
          id
          status
          receptionDay {
            id
            bookedCount
            remaining
            viewerBooking {
              id
              status
              subject
              createdAt
            }
          }
        }
      }
      ...Failure
    }
  }
`);

const SUBJECT_MAX = 200;

/**
 * 代表接待日: when and where deputies receive residents, who is on duty, how many places are left.
 * A signed-in resident books a place with what they want to raise, and can call it off.
 */
export function ReceptionsPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const postParam = params.get("post");
  const postId = postParam && /^\d+$/.test(postParam) ? postParam : null;
  const { posts, loaded: postsLoaded } = usePostChoices();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ReceptionDaysDocument,
    variables: { postId },
    requestPolicy: "cache-and-network",
  });
  const [mine, reexecuteMine] = useQuery({
    query: MyBookingsDocument,
    pause: !viewer.signedIn,
    requestPolicy: "cache-and-network",
  });
  const refetchAll = useCallback(() => {
    reexecute({ requestPolicy: "network-only" });
    if (viewer.signedIn) reexecuteMine({ requestPolicy: "network-only" });
  }, [reexecute, reexecuteMine, viewer.signedIn]);
  const [openDayId, setOpenDayId] = useState<string | null>(null);
  const days = data?.receptionDays ?? [];
  const now = Date.now();
  // Kept bookings, and those of a day the post called off (so the resident sees it was, not that
  // their booking vanished), until the day would have ended.
  const upcomingBookings = (mine.data?.myReceptionBookings ?? []).filter(
    (booking) =>
      (booking.status === "BOOKED" || (booking.status === "CANCELLED" && booking.receptionDay.cancelledAt)) &&
      new Date(booking.receptionDay.endsAt).getTime() > now,
  );

  return (
    <Page title={t("suggestResident.receptions.title")} description={t("suggestResident.receptions.lead")}>
      {!viewer.signedIn && (
        <Alert
          type="info"
          showIcon
          className="form-note"
          title={t("suggestResident.receptions.signInToBook")}
          action={
            <LinkButton
              to="/sign-in"
              state={{ from: `${location.pathname}${location.search}` }}
              type="primary"
              icon={<LoginOutlined />}
            >
              {t("auth.signIn")}
            </LinkButton>
          }
        />
      )}

      {upcomingBookings.length > 0 && (
        <Card
          title={t("suggestResident.receptions.myBookings")}
          size="small"
          className="section-card my-bookings"
          data-testid="my-bookings"
        >
          <Flex vertical gap={8}>
            {upcomingBookings.map((booking) => (
              <MyBookingLine key={booking.id} booking={booking} />
            ))}
          </Flex>
        </Card>
      )}

      <Card size="small" className="filter-card">
        <PostSelect
          posts={posts}
          loading={!postsLoaded}
          allowClear
          className="full-width"
          value={postId}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (value) next.set("post", value);
                else next.delete("post");
                return next;
              },
              { replace: true },
            )
          }
          placeholder={t("suggestResident.receptions.allPosts")}
          aria-label={t("suggestResident.receptions.post")}
        />
      </Card>

      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={days.length === 0}
        emptyText={postId ? t("suggestResident.receptions.noneAtPost") : t("suggestResident.receptions.none")}
        emptyAction={<LinkButton to="/posts">{t("suggestResident.receptions.seePosts")}</LinkButton>}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12}>
          {days.map((day) => (
            <ReceptionDayCard
              key={day.id}
              day={day}
              now={now}
              open={openDayId === day.id}
              onOpen={() => setOpenDayId(day.id)}
              onClose={() => setOpenDayId(null)}
              onChanged={refetchAll}
            />
          ))}
        </Flex>
      </QueryState>
    </Page>
  );
}

type MyBooking = MyReceptionBookingListQuery["myReceptionBookings"][number];

function MyBookingLine({ booking }: { booking: MyBooking }) {
  const { t, i18n } = useTranslation();
  const day = booking.receptionDay;
  return (
    <div className={`my-booking${day.cancelledAt ? " is-cancelled" : ""}`} data-testid="my-booking">
      <Typography.Text strong>
        <CalendarOutlined aria-hidden /> {formatDay(day.startsAt, i18n.language)}{" "}
        {formatTimeRange(day.startsAt, day.endsAt, i18n.language)}
      </Typography.Text>
      <Typography.Text>
        {day.post.name} · {day.place}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t("suggestResident.receptions.subjectIs", { subject: booking.subject })}
      </Typography.Text>
      {day.cancelledAt && <Tag color="red">{t("suggestResident.receptions.dayCancelled")}</Tag>}
    </div>
  );
}

interface ReceptionDayCardProps {
  day: ReceptionDayFieldsFragment;
  now: number;
  open: boolean;
  onOpen(): void;
  onClose(): void;
  onChanged(): void;
}

function ReceptionDayCard({ day, now, open, onOpen, onClose, onChanged }: ReceptionDayCardProps) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const started = new Date(day.startsAt).getTime() <= now;
  const booking = day.viewerBooking;
  const booked = booking?.status === "BOOKED" || booking?.status === "ATTENDED";
  const full = day.remaining <= 0 && !booked;

  return (
    <Card
      className={`reception-card${booked ? " is-booked" : ""}${full ? " is-full" : ""}`}
      data-testid="reception-day"
      data-day-id={day.id}
    >
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <div className="reception-when">
            <Typography.Title level={4} className="reception-day">
              {formatDay(day.startsAt, i18n.language)}
            </Typography.Title>
            <Typography.Text className="reception-time">
              <ClockCircleOutlined aria-hidden /> {formatTimeRange(day.startsAt, day.endsAt, i18n.language)}
            </Typography.Text>
          </div>
          <Flex gap={4} wrap>
            {started && <Tag color="green">{t("suggestResident.receptions.now")}</Tag>}
            {booked && (
              <Tag color="blue" icon={<CheckCircleFilled />}>
                {t("suggestResident.receptions.booked")}
              </Tag>
            )}
            {full && !started && <Tag color="default">{t("suggestResident.receptions.full")}</Tag>}
          </Flex>
        </Flex>
        <Typography.Text strong className="reception-post">
          {day.post.name}
        </Typography.Text>
        <Typography.Text>
          <EnvironmentOutlined aria-hidden /> {day.place}
        </Typography.Text>
        <Typography.Text>
          <TeamOutlined aria-hidden /> {t("suggestResident.receptions.onDuty")}
          {day.deputies.length
            ? day.deputies.map((d) => `${d.name}（${d.title}）`).join("、")
            : t("suggestResident.receptions.onDutyUnknown")}
        </Typography.Text>
        {day.note && <Typography.Text type="secondary">{day.note}</Typography.Text>}
        <Typography.Text className="reception-slots" data-testid="slots">
          {day.remaining > 0
            ? t("suggestResident.receptions.slotsLeft", { remaining: day.remaining, capacity: day.capacity })
            : t("suggestResident.receptions.noSlots", { capacity: day.capacity })}
        </Typography.Text>

        {booked && booking ? (
          <MyBookingOnDay day={day} booking={booking} started={started} onChanged={onChanged} />
        ) : started ? (
          <Typography.Text type="secondary">{t("suggestResident.receptions.walkIn")}</Typography.Text>
        ) : !viewer.signedIn ? null : full ? (
          <Button size="large" block disabled>
            {t("suggestResident.receptions.full")}
          </Button>
        ) : open ? (
          <BookingForm day={day} onDone={onClose} onCancel={onClose} onChanged={onChanged} />
        ) : (
          <Button type="primary" size="large" block onClick={onOpen} data-testid="book-button">
            {t("suggestResident.receptions.book")}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

function MyBookingOnDay({
  day,
  booking,
  started,
  onChanged,
}: {
  day: ReceptionDayFieldsFragment;
  booking: NonNullable<ReceptionDayFieldsFragment["viewerBooking"]>;
  started: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, cancel] = useAppMutation(CancelBookingDocument);
  const callOff = async () => {
    const outcome = await cancel({ id: booking.id });
    if (outcome.error) {
      message.error(describe(outcome.error));
      onChanged();
      return;
    }
    message.success(t("suggestResident.receptions.cancelled"));
    onChanged();
  };
  return (
    <div className="my-booking-on-day" data-testid="my-booking-on-day">
      <Typography.Text>{t("suggestResident.receptions.subjectIs", { subject: booking.subject })}</Typography.Text>
      <Typography.Text type="secondary">
        {booking.status === "ATTENDED"
          ? t("suggestResident.receptions.attended")
          : t("suggestResident.receptions.bring", { post: day.post.name })}
      </Typography.Text>
      {!started && booking.status === "BOOKED" && (
        <Popconfirm
          title={t("suggestResident.receptions.cancelConfirm")}
          okText={t("suggestResident.receptions.cancelOk")}
          cancelText={t("suggestResident.receptions.cancelKeep")}
          okButtonProps={{ danger: true, size: "large", loading: state.fetching }}
          cancelButtonProps={{ size: "large" }}
          onConfirm={callOff}
        >
          <Button size="large" block danger data-testid="cancel-booking">
            {t("suggestResident.receptions.cancel")}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}

interface BookingValues {
  subject: string;
}

function BookingForm({
  day,
  onDone,
  onCancel,
  onChanged,
}: {
  day: ReceptionDayFieldsFragment;
  onDone(): void;
  onCancel(): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookingValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, book] = useAppMutation(BookReceptionDocument);
  const submit = async (values: BookingValues) => {
    setFailure(null);
    const outcome = await book({ receptionDayId: day.id, subject: values.subject.trim() });
    if (outcome.error) {
      if (!showOnForm(form, outcome.error, ["subject"])) setFailure(outcome.error);
      // Full, started or called off meanwhile: show the day as it is now.
      if (outcome.error.code === "CONFLICT" || outcome.error.code === "INVALID_TRANSITION") onChanged();
      return;
    }
    message.success(t("suggestResident.receptions.bookedOk"));
    onChanged();
    onDone();
  };
  return (
    <Form<BookingValues>
      form={form}
      layout="vertical"
      size="large"
      onFinish={submit}
      requiredMark={false}
      className="booking-form"
      data-testid="booking-form"
    >
      <Form.Item
        name="subject"
        label={t("suggestResident.receptions.subject")}
        extra={t("suggestResident.receptions.subjectHint")}
        rules={[
          { required: true, whitespace: true, message: t("suggestResident.receptions.subjectRequired") },
          { max: SUBJECT_MAX, message: t("suggestResident.receptions.subjectTooLong", { max: SUBJECT_MAX }) },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={SUBJECT_MAX}
          showCount
          placeholder={t("suggestResident.receptions.subjectPlaceholder")}
        />
      </Form.Item>
      <FormFailure failure={failure} />
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={state.fetching} className="grow-button">
          {t("suggestResident.receptions.confirm")}
        </Button>
        <Button onClick={onCancel} className="grow-button">
          {t("common.cancel")}
        </Button>
      </Flex>
    </Form>
  );
}
