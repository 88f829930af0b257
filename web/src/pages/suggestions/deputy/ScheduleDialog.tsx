import { Alert, App, Col, Form, type FormInstance, Input, InputNumber, Modal, Row, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { FormFailure } from "../../../components/FormFailure";
import { namePathOf, useDescribeFailure } from "../../../components/failure";
import { graphql } from "../../../gql";
import type { ManagedDayFragment, ManagedPostFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { useViewer } from "../../../session/ViewerProvider";
import { shanghaiDateOf, shanghaiInstant, shanghaiTimeOf, shanghaiToday } from "../shared/dates";

export const ManagedDayFields = graphql(`
  fragment ManagedDay on ReceptionDay {
    id
    startsAt
    endsAt
    place
    capacity
    note
    cancelledAt
    bookedCount
    remaining
    visitorCount
    viewerMayManage
    post {
      id
      name
      address
    }
    deputies {
      id
      name
      title
    }
    deputyIds
    bookings {
      id
      subject
      status
      createdAt
      residentName
      residentPhone
    }
  }
`);

const ScheduleReceptionDayDocument = graphql(`
  mutation ScheduleReceptionDay($input: ScheduleReceptionDayInput!) {
    scheduleReceptionDay(input: $input) {
      __typename
      ... on MutationScheduleReceptionDaySuccess {
        data {
          ...ManagedDay
        }
      }
      ...Failure
    }
  }
`);

const UpdateReceptionDayDocument = graphql(`
  mutation UpdateReceptionDay($id: ID!, $input: UpdateReceptionDayInput!) {
    updateReceptionDay(id: $id, input: $input) {
      __typename
      ... on MutationUpdateReceptionDaySuccess {
        data {
          ...ManagedDay
        }
      }
      ...Failure
    }
  }
`);

// Staff may read the deputies' grants of their areas: who can be put on duty at a post.
const PostDeputiesDocument = graphql(`
  query PostDeputies($areaId: ID!) {
    roleGrants(areaId: $areaId, role: DEPUTY, first: 100) {
      edges {
        node {
          id
          post {
            id
          }
          account {
            id
            displayName
            realName
            deputyProfile {
              id
              name
              title
            }
          }
        }
      }
    }
  }
`);

interface ScheduleValues {
  postId: string;
  date: string;
  startTime: string;
  endTime: string;
  place?: string;
  capacity: number;
  deputyIds: string[];
  note?: string;
}

const FORM_FIELDS = ["postId", "place", "capacity", "deputyIds", "note"];

/** A server field → the form's: times are entered as a date and two times of day. */
function formPath(field: string): (string | number)[] | null {
  const name = String(namePathOf(field.replace(/^input\./, ""))[0]);
  if (name === "startsAt") return ["startTime"];
  if (name === "endsAt") return ["endTime"];
  return FORM_FIELDS.includes(name) ? [name] : null;
}

interface ScheduleDialogProps {
  posts: ManagedPostFragment[];
  /** Posts where the viewer is a deputy (they are on duty by default). */
  deputyPostIds: string[];
  isStaff: boolean;
  /** Change this day instead of scheduling a new one (its post stays). */
  day?: ManagedDayFragment;
  onClose(): void;
  onDone(): void;
}

/**
 * 安排接待日: post, date and hours (Beijing time), place, how many may book, the deputies on
 * duty and a note for residents. A deputy is on duty by default; staff pick from the post's
 * deputies (deputies cannot list their colleagues' accounts through the API). With `day`, the
 * same form changes that day (修改接待日); residents who booked it are told of a new time or place.
 */
export function ScheduleDialog({ posts, deputyPostIds, isStaff, day, onClose, onDone }: ScheduleDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useViewer();
  const describe = useDescribeFailure();
  const [form] = Form.useForm<ScheduleValues>();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [scheduleState, schedule] = useAppMutation(ScheduleReceptionDayDocument);
  const [updateState, update] = useAppMutation(UpdateReceptionDayDocument);
  const busy = scheduleState.fetching || updateState.fetching;
  const today = shanghaiToday();
  const firstPost = day
    ? (posts.find((p) => p.id === day.post.id) ?? posts[0])
    : (posts.find((p) => deputyPostIds.includes(p.id)) ?? posts[0]);
  const postId = Form.useWatch("postId", form) ?? firstPost?.id;
  const post = posts.find((p) => p.id === postId);
  const [grants] = useQuery({
    query: PostDeputiesDocument,
    variables: { areaId: post?.area.id ?? "" },
    pause: !isStaff || !post,
  });

  const self = viewer.account;
  const selfIsDeputy = Boolean(postId && deputyPostIds.includes(postId));
  const options = new Map<string, string>();
  if (self && selfIsDeputy) options.set(self.id, t("suggestDeputy.reception.me", { name: self.displayName }));
  // Those on duty now, by their public names (a deputy editing cannot list their colleagues).
  for (const [index, id] of (day?.deputyIds ?? []).entries()) {
    // Both lists follow the duty rows; they line up unless a deputy has no public profile.
    const deputy = day && day.deputies.length === day.deputyIds.length ? day.deputies[index] : undefined;
    if (!options.has(id)) options.set(id, deputy ? `${deputy.name}（${deputy.title}）` : id);
  }
  for (const edge of grants.data?.roleGrants.edges ?? []) {
    const grant = edge.node;
    if (grant.post?.id !== postId || options.has(grant.account.id)) continue;
    const profile = grant.account.deputyProfile;
    options.set(
      grant.account.id,
      profile ? `${profile.name}（${profile.title}）` : (grant.account.realName ?? grant.account.displayName),
    );
  }

  const submit = async (values: ScheduleValues) => {
    setFailure(null);
    const fields = {
      startsAt: shanghaiInstant(values.date, values.startTime),
      endsAt: shanghaiInstant(values.date, values.endTime),
      place: values.place?.trim() || null,
      capacity: values.capacity,
      deputyIds: values.deputyIds?.length ? values.deputyIds : null,
      note: values.note?.trim() || null,
    };
    const outcome = day
      ? await update({ id: day.id, input: fields })
      : await schedule({ input: { ...fields, postId: values.postId } });
    if (outcome.error) {
      const path = outcome.error.field ? formPath(outcome.error.field) : null;
      if (path) (form as FormInstance).setFields([{ name: path, errors: [describe(outcome.error)] }]);
      else setFailure(outcome.error);
      return;
    }
    message.success(t(day ? "suggestDeputy.reception.updated" : "suggestDeputy.reception.scheduled"));
    onDone();
  };

  return (
    <Modal
      open
      width={640}
      title={t(day ? "suggestDeputy.reception.editTitle" : "suggestDeputy.reception.scheduleTitle")}
      okText={t(day ? "suggestDeputy.reception.editOk" : "suggestDeputy.reception.scheduleOk")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, size: "large" }}
      cancelButtonProps={{ size: "large" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={
          day
            ? {
                postId: day.post.id,
                date: shanghaiDateOf(day.startsAt),
                startTime: shanghaiTimeOf(day.startsAt),
                endTime: shanghaiTimeOf(day.endsAt),
                place: day.place,
                capacity: day.capacity,
                deputyIds: day.deputyIds,
                note: day.note ?? undefined,
              }
            : {
                postId: firstPost?.id,
                date: today,
                startTime: "09:00",
                endTime: "11:30",
                capacity: 10,
                deputyIds: self && firstPost && deputyPostIds.includes(firstPost.id) ? [self.id] : [],
              }
        }
      >
        {day && day.bookedCount > 0 && (
          <Alert
            type="info"
            showIcon
            className="form-note"
            title={t("suggestDeputy.reception.editNotice", { count: day.bookedCount })}
          />
        )}
        <Form.Item
          name="postId"
          label={t("suggestDeputy.reception.post")}
          rules={[{ required: true, message: t("suggestDeputy.record.postRequired") }]}
        >
          <Select
            disabled={Boolean(day)}
            options={posts.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(next: string) =>
              form.setFieldValue("deputyIds", self && deputyPostIds.includes(next) ? [self.id] : [])
            }
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="date"
              label={t("suggestDeputy.reception.date")}
              rules={[
                { required: true, message: t("suggestDeputy.reception.dateRequired") },
                {
                  validator: (_, value?: string) =>
                    !value || value >= today
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("suggestDeputy.reception.datePast"))),
                },
              ]}
            >
              <Input type="date" min={today} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item
              name="startTime"
              label={t("suggestDeputy.reception.start")}
              rules={[{ required: true, message: t("suggestDeputy.reception.timeRequired") }]}
            >
              <Input type="time" step={300} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item
              name="endTime"
              label={t("suggestDeputy.reception.end")}
              dependencies={["startTime", "date"]}
              rules={[
                { required: true, message: t("suggestDeputy.reception.timeRequired") },
                ({ getFieldValue }) => ({
                  validator: (_, value?: string) => {
                    const start = getFieldValue("startTime") as string | undefined;
                    const date = getFieldValue("date") as string | undefined;
                    if (!value || !start) return Promise.resolve();
                    if (value <= start) return Promise.reject(new Error(t("suggestDeputy.reception.endBeforeStart")));
                    if (date && Date.parse(shanghaiInstant(date, value)) <= Date.now())
                      return Promise.reject(new Error(t("suggestDeputy.reception.endPast")));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Input type="time" step={300} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="form-note">
          {t("suggestDeputy.reception.beijingTime")}
        </Typography.Paragraph>
        <Form.Item
          name="place"
          label={t("suggestDeputy.reception.place")}
          extra={t("suggestDeputy.reception.placeHint")}
        >
          <Input maxLength={100} placeholder={post?.address} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t("suggestDeputy.reception.capacity")}
          rules={[{ required: true, message: t("suggestDeputy.reception.capacityRequired") }]}
        >
          <InputNumber min={1} max={500} precision={0} suffix={t("suggestDeputy.reception.people")} />
        </Form.Item>
        <Form.Item
          name="deputyIds"
          label={t("suggestDeputy.reception.onDuty")}
          extra={isStaff ? undefined : t("suggestDeputy.reception.onDutyHint")}
          rules={[
            {
              validator: (_, value?: string[]) =>
                value?.length || selfIsDeputy
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("suggestDeputy.reception.onDutyRequired"))),
            },
          ]}
        >
          <Select
            mode="multiple"
            loading={grants.fetching}
            options={[...options].map(([value, label]) => ({ value, label }))}
            placeholder={t("suggestDeputy.reception.chooseDeputies")}
          />
        </Form.Item>
        <Form.Item name="note" label={t("suggestDeputy.reception.note")} extra={t("suggestDeputy.reception.noteHint")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
