import { InfoCircleOutlined, LeftOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { FormFailure } from "../../../components/FormFailure";
import { namePathOf, useDescribeFailure } from "../../../components/failure";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { graphql } from "../../../gql";
import type { RecordDayFragment, SuggestionCategory } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { addDays, formatTimeSpan, shanghaiDateOf, shanghaiToday } from "../shared/dates";
import { PhotoPicker, type UploadedPhoto } from "../shared/PhotoPicker";
import { useHandlerScope } from "./scope";

export const RecordDayFields = graphql(`
  fragment RecordDay on ReceptionDay {
    id
    startsAt
    endsAt
    place
    cancelledAt
    viewerMayManage
    post {
      id
      name
      area {
        ...AreaTreeNode
      }
    }
  }
`);

const RecordDaysDocument = graphql(`
  query RecordDays($from: Date!, $to: Date!) {
    receptionDays(from: $from, to: $to) {
      ...RecordDay
    }
  }
`);

const RecordDayDocument = graphql(`
  query RecordDay($id: ID!) {
    receptionDay(id: $id) {
      ...RecordDay
    }
  }
`);

const RecordSuggestionDocument = graphql(`
  mutation RecordSuggestion($input: RecordSuggestionInput!) {
    recordSuggestion(input: $input) {
      __typename
      ... on MutationRecordSuggestionSuccess {
        data {
          id
          status
        }
      }
      ...Failure
    }
  }
`);

const CATEGORIES: SuggestionCategory[] = [
  "CITY_APPEARANCE",
  "TRANSPORT",
  "PROPERTY_MANAGEMENT",
  "ELDERLY_SERVICES",
  "PUBLIC_SAFETY",
  "HEALTH_EDUCATION",
  "OTHER",
];

/** How far back a reception may have been held and still be chosen. */
const DAYS_BACK = 30;

interface RecordFormValues {
  heardAt: "reception" | "post";
  receptionDayId?: string;
  postId?: string;
  name?: string;
  phone?: string;
  category?: SuggestionCategory;
  title: string;
  content: string;
  place?: string;
  areaId?: string | null;
  photos?: UploadedPhoto[];
  allowPublish: boolean;
  accept: boolean;
}

const FORM_FIELDS = [
  "receptionDayId",
  "postId",
  "name",
  "phone",
  "category",
  "title",
  "content",
  "place",
  "areaId",
  "photos",
];

/** A server field → the form's path: `input.title` → title, `photoIds` → photos. */
function formPath(field: string): (string | number)[] | null {
  const path = namePathOf(field.replace(/^input\./, ""));
  if (path[0] === "photoIds") return ["photos"];
  return FORM_FIELDS.includes(String(path[0])) ? path.slice(0, 1) : null;
}

/** Today's receptions first, then the past ones, latest first; an upcoming one (from a link) last. */
function sortDays(days: RecordDayFragment[], today: string): RecordDayFragment[] {
  const dateOf = (d: RecordDayFragment) => shanghaiDateOf(d.startsAt);
  return [...days].sort((a, b) => {
    const rank = (d: RecordDayFragment) => (dateOf(d) === today ? 0 : dateOf(d) < today ? 1 : 2);
    return (
      rank(a) - rank(b) || (rank(a) === 2 ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt))
    );
  });
}

/**
 * 代录建议: what a resident said in person at a reception, recorded on their behalf. Their name
 * and phone stay private; a phone that belongs to an account links the suggestion to it, so the
 * resident follows it and rates the reply. Accepted at once unless the deputy says otherwise.
 * Links from a booking prefill the reception, the person and the subject.
 */
export function RecordSuggestionPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const describe = useDescribeFailure();
  const scope = useHandlerScope();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RecordFormValues>();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, record] = useAppMutation(RecordSuggestionDocument);
  // Sending while a photo is still uploading would record the suggestion without it.
  const [photosUploading, setPhotosUploading] = useState(false);
  const today = shanghaiToday();
  const linkedDayId = params.get("receptionDay");

  const [days] = useQuery({
    query: RecordDaysDocument,
    variables: { from: addDays(today, -DAYS_BACK), to: today },
  });
  const [linkedDay] = useQuery({
    query: RecordDayDocument,
    variables: { id: linkedDayId ?? "" },
    pause: !linkedDayId,
  });
  const dayOptions = useMemo(() => {
    const all = [...(days.data?.receptionDays ?? [])];
    const linked = linkedDay.data?.receptionDay;
    if (linked && !all.some((d) => d.id === linked.id)) all.push(linked);
    return sortDays(
      all.filter((d) => d.viewerMayManage && !d.cancelledAt),
      today,
    );
  }, [days.data, linkedDay.data, today]);

  const severalPosts = new Set(dayOptions.map((d) => d.post.id)).size > 1;
  const heardAt = Form.useWatch("heardAt", form) ?? "reception";
  const receptionDayId = Form.useWatch("receptionDayId", form);
  const postId = Form.useWatch("postId", form);
  const accept = Form.useWatch("accept", form) ?? true;
  const chosenDay = dayOptions.find((d) => d.id === receptionDayId);
  const postArea = heardAt === "reception" ? chosenDay?.post.area : scope.posts.find((p) => p.id === postId)?.area;

  // Prefill from a booking (…?receptionDay=ID&phone=…&name=…&subject=…), once the days are known.
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (prefilled || days.fetching || (linkedDayId && linkedDay.fetching)) return;
    setPrefilled(true);
    const subject = params.get("subject")?.trim();
    const wanted = linkedDayId && dayOptions.some((d) => d.id === linkedDayId) ? linkedDayId : undefined;
    const todays = dayOptions.find((d) => shanghaiDateOf(d.startsAt) === today);
    form.setFieldsValue({
      heardAt: wanted || dayOptions.length ? "reception" : "post",
      receptionDayId: wanted ?? todays?.id,
      postId: scope.posts.length === 1 ? scope.posts[0]?.id : undefined,
      phone: params.get("phone") ?? undefined,
      name: params.get("name") ?? undefined,
      ...(subject ? { title: subject.slice(0, 50) } : {}),
    });
  }, [prefilled, days.fetching, linkedDay.fetching, linkedDayId, dayOptions, params, form, today, scope.posts]);

  const submit = async (values: RecordFormValues) => {
    setFailure(null);
    const outcome = await record({
      input: {
        ...(values.heardAt === "reception"
          ? { receptionDayId: values.receptionDayId ?? null }
          : { postId: values.postId ?? null }),
        name: values.name?.trim() || null,
        phone: values.phone?.trim() || null,
        category: values.category ?? "OTHER",
        title: values.title.trim(),
        content: values.content.trim(),
        place: values.place?.trim() || null,
        areaId: values.areaId ?? null,
        allowPublish: values.allowPublish,
        accept: values.accept,
        photoIds: (values.photos ?? []).map((photo) => photo.id),
      },
    });
    if (outcome.error) {
      const error = outcome.error;
      const path = error.field ? formPath(error.field) : null;
      if (path) {
        const untyped = form as FormInstance;
        untyped.setFields([{ name: path, errors: [describe(error)] }]);
        untyped.scrollToField(path);
      } else {
        setFailure(error);
      }
      return;
    }
    message.success(t(values.accept ? "suggestDeputy.record.doneAccepted" : "suggestDeputy.record.done"));
    void navigate(`/workbench/suggestions/${outcome.data.id}`);
  };

  const noScope = !scope.loading && !scope.isDeputy && !scope.isStaff;

  return (
    <Page
      title={t("suggestDeputy.record.title")}
      description={t("suggestDeputy.record.lead")}
      extra={
        <LinkButton to="/workbench" icon={<LeftOutlined />}>
          {t("suggestDeputy.handle.back")}
        </LinkButton>
      }
    >
      {noScope ? (
        <Alert type="info" showIcon title={t("suggestDeputy.workbench.noScope")} />
      ) : (
        <Form<RecordFormValues>
          form={form}
          layout="vertical"
          size="large"
          requiredMark="optional"
          onFinish={submit}
          scrollToFirstError
          initialValues={{ heardAt: "reception", allowPublish: false, accept: true, photos: [] }}
          className="wb-record-form"
        >
          <Card title={t("suggestDeputy.record.sectionWhere")} className="section-card">
            <Form.Item name="heardAt" label={t("suggestDeputy.record.heardAt")} required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: "reception", label: t("suggestDeputy.record.atReception") },
                  { value: "post", label: t("suggestDeputy.record.atPost") },
                ]}
              />
            </Form.Item>
            {heardAt === "reception" ? (
              <Form.Item
                name="receptionDayId"
                label={t("suggestDeputy.record.receptionDay")}
                extra={dayOptions.length === 0 && !days.fetching ? t("suggestDeputy.record.noDays") : undefined}
                rules={[{ required: true, message: t("suggestDeputy.record.receptionDayRequired") }]}
              >
                <Select
                  loading={days.fetching}
                  placeholder={t("suggestDeputy.record.chooseDay")}
                  options={dayOptions.map((d) => ({
                    value: d.id,
                    label: [
                      shanghaiDateOf(d.startsAt) === today ? t("suggestDeputy.record.today") : null,
                      formatTimeSpan(d.startsAt, d.endsAt, i18n.language),
                      // The post only matters when the days are at more than one.
                      severalPosts ? d.post.name : null,
                    ]
                      .filter(Boolean)
                      .join(" · "),
                  }))}
                  onChange={() => form.setFieldValue("areaId", null)}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="postId"
                label={t("suggestDeputy.record.post")}
                rules={[{ required: true, message: t("suggestDeputy.record.postRequired") }]}
              >
                <Select
                  loading={scope.loading}
                  placeholder={t("suggestDeputy.record.choosePost")}
                  options={scope.posts.map((p) => ({ value: p.id, label: p.name }))}
                  onChange={() => form.setFieldValue("areaId", null)}
                />
              </Form.Item>
            )}
          </Card>

          <Card title={t("suggestDeputy.record.sectionWho")} className="section-card">
            <Alert
              type="info"
              showIcon
              icon={<InfoCircleOutlined />}
              className="form-note"
              title={t("suggestDeputy.record.whoNote")}
            />
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="name"
                  label={t("suggestDeputy.record.name")}
                  dependencies={["phone"]}
                  rules={[
                    { max: 30, message: t("suggestDeputy.record.nameTooLong") },
                    ({ getFieldValue }) => ({
                      validator: (_, value?: string) =>
                        value?.trim() || (getFieldValue("phone") as string | undefined)?.trim()
                          ? Promise.resolve()
                          : Promise.reject(new Error(t("suggestDeputy.record.nameOrPhone"))),
                    }),
                  ]}
                >
                  <Input maxLength={30} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="phone"
                  label={t("suggestDeputy.record.phone")}
                  extra={t("suggestDeputy.record.phoneHint")}
                  rules={[
                    {
                      pattern: /^\s*(\+?86)?\s*1\d{2}[\s-]?\d{4}[\s-]?\d{4}\s*$/,
                      message: t("suggestDeputy.record.phoneInvalid"),
                    },
                  ]}
                >
                  <Input type="tel" inputMode="tel" maxLength={20} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t("suggestDeputy.record.sectionWhat")} className="section-card">
            <Form.Item
              name="category"
              label={t("suggestDeputy.record.category")}
              rules={[{ required: true, message: t("suggestDeputy.record.categoryRequired") }]}
            >
              <Radio.Group
                className="wb-category-radios"
                optionType="button"
                options={CATEGORIES.map((c) => ({ value: c, label: t(`suggestion.category.${c}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t("suggestDeputy.record.titleLabel")}
              rules={[
                { required: true, whitespace: true, message: t("suggestDeputy.record.titleRequired") },
                { max: 50, message: t("suggestDeputy.record.titleTooLong") },
              ]}
            >
              <Input maxLength={50} showCount placeholder={t("suggestDeputy.record.titlePlaceholder")} />
            </Form.Item>
            <Form.Item
              name="content"
              label={t("suggestDeputy.record.content")}
              rules={[{ required: true, whitespace: true, message: t("suggestDeputy.record.contentRequired") }]}
            >
              <Input.TextArea
                rows={6}
                maxLength={2000}
                showCount
                placeholder={t("suggestDeputy.record.contentPlaceholder")}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="place" label={t("suggestDeputy.record.place")}>
                  <Input maxLength={100} placeholder={t("suggestDeputy.record.placePlaceholder")} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="areaId"
                  label={t("suggestDeputy.record.area")}
                  extra={
                    postArea
                      ? t("suggestDeputy.record.areaHint", { name: postArea.name })
                      : t("suggestDeputy.record.areaFirst")
                  }
                >
                  {postArea ? (
                    <AreaSelect
                      roots={[postArea]}
                      allowClear
                      placeholder={t("suggestDeputy.record.areaDefault", { name: postArea.name })}
                      aria-label={t("suggestDeputy.record.area")}
                    />
                  ) : (
                    <Select disabled placeholder={t("suggestDeputy.record.areaFirst")} />
                  )}
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="photos" label={t("suggestDeputy.record.photos")} extra={t("suggestion.photos.hint")}>
              <PhotoPicker onUploadingChange={setPhotosUploading} />
            </Form.Item>
          </Card>

          <Card title={t("suggestDeputy.record.sectionHandling")} className="section-card">
            <Form.Item
              name="accept"
              valuePropName="checked"
              required
              label={t("suggestDeputy.record.accept")}
              extra={t(accept ? "suggestDeputy.record.acceptHint" : "suggestDeputy.record.acceptLaterHint")}
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="allowPublish"
              valuePropName="checked"
              required
              label={t("suggestDeputy.record.allowPublish")}
              extra={t("suggestDeputy.record.allowPublishHint")}
            >
              <Switch />
            </Form.Item>
          </Card>

          <FormFailure failure={failure} />
          <Flex gap={8} wrap className="form-actions">
            <Button
              type="primary"
              htmlType="submit"
              loading={state.fetching}
              disabled={photosUploading}
              data-testid="record-submit"
            >
              {photosUploading
                ? t("suggestion.photos.uploading")
                : t(accept ? "suggestDeputy.record.submitAccept" : "suggestDeputy.record.submit")}
            </Button>
            <Button onClick={() => void navigate("/workbench")}>{t("common.cancel")}</Button>
          </Flex>
          <Typography.Paragraph type="secondary" className="privacy-note">
            {t("suggestDeputy.record.privacy")}
          </Typography.Paragraph>
        </Form>
      )}
    </Page>
  );
}
