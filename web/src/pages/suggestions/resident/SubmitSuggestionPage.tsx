import { EnvironmentOutlined, SendOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Switch, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AreaSelect } from "../../../components/AreaSelect";
import { FormFailure } from "../../../components/FormFailure";
import { useShowFailureOnForm } from "../../../components/failure";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { graphql } from "../../../gql";
import type { AreaKind, MyMembershipFragment, SuggestionCategory } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { useViewer } from "../../../session/ViewerProvider";
import { SUGGESTION_CATEGORIES } from "../public/model";
import { PostSelect } from "../public/PostSelect";
import { type PostChoice, usePostChoices } from "../public/usePostChoices";
import { PhotoPicker, type UploadedPhoto } from "../shared/PhotoPicker";

const SubmitSuggestionDocument = graphql(`
  mutation ResidentSubmitSuggestion($input: SubmitSuggestionInput!) {
    submitSuggestion(input: $input) {
      __typename
      ... on MutationSubmitSuggestionSuccess {
        data {
          id
          status
        }
      }
      ...Failure
    }
  }
`);

interface SubmitValues {
  title: string;
  category?: SuggestionCategory;
  content: string;
  place?: string;
  postId?: string | null;
  areaId?: string | null;
  allowPublish: boolean;
  photos?: UploadedPhoto[];
}

const FORM_FIELDS = ["title", "category", "content", "place", "postId", "areaId", "allowPublish", "photos"] as const;
const TITLE_MAX = 50;
const CONTENT_MAX = 2000;
const PLACE_MAX = 100;

const KIND_RANK = { POINT: 0, STATION: 1, HOME: 2 } as const;

/**
 * The post the server sends a suggestion to when none is named: the most local post whose area
 * contains one of the resident's verified homes (联系点 before 联络站 before 代表之家, then the
 * oldest). Worked out here too, so the resident sees where it goes before sending.
 */
function servingPost(posts: readonly PostChoice[], homes: readonly MyMembershipFragment[]): PostChoice | null {
  const chains = homes.map((home) => [
    ...home.household.building.ancestors.map((a) => a.id),
    home.household.building.id,
  ]);
  let best: { post: PostChoice; depth: number } | null = null;
  for (const post of posts) {
    const depth = Math.max(...chains.map((chain) => chain.indexOf(post.area.id)));
    if (depth < 0) continue;
    const better =
      !best ||
      depth > best.depth ||
      (depth === best.depth && KIND_RANK[post.kind] < KIND_RANK[best.post.kind]) ||
      (depth === best.depth && post.kind === best.post.kind && Number(post.id) < Number(best.post.id));
    if (better) best = { post, depth };
  }
  return best?.post ?? null;
}

interface AreaOption {
  id: string;
  name: string;
  kind: AreaKind;
  /** The area the resident lives in (deepest first), or the post's whole area. */
  home: boolean;
}

/** The areas a suggestion to this post may concern that a resident would name: theirs, down to the 小区. */
function areaOptionsFor(post: PostChoice | undefined, homes: readonly MyMembershipFragment[]): AreaOption[] {
  if (!post) return [];
  for (const home of homes) {
    const chain = home.household.building.ancestors;
    const index = chain.findIndex((a) => a.id === post.area.id);
    if (index >= 0) {
      // The building itself is left out: the area is public, and a building points at a household.
      return chain
        .slice(index)
        .reverse()
        .map((a) => ({ id: a.id, name: a.name, kind: a.kind, home: a.id !== post.area.id }));
    }
  }
  return [{ id: post.area.id, name: post.area.name, kind: post.area.kind, home: false }];
}

/** 提建议: what, which kind, where; to which post; published or not; photos. */
export function SubmitSuggestionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const showOnForm = useShowFailureOnForm();
  const [form] = Form.useForm<SubmitValues>();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [photosUploading, setPhotosUploading] = useState(false);
  const [state, submit] = useAppMutation(SubmitSuggestionDocument);
  const { posts, loaded, error: postsError, retry } = usePostChoices();

  const homes = useMemo(() => viewer.memberships.filter((m) => m.status === "VERIFIED"), [viewer.memberships]);
  const defaultPost = useMemo(() => servingPost(posts, homes), [posts, homes]);
  const postId = Form.useWatch("postId", form);
  const post = posts.find((p) => p.id === postId);
  const areaOptions = useMemo(() => areaOptionsFor(post, homes), [post, homes]);

  // Once the posts are known, start from the one serving the resident's home (if they chose none yet).
  useEffect(() => {
    if (!defaultPost || form.getFieldValue("postId")) return;
    form.setFieldsValue({ postId: defaultPost.id, areaId: areaOptionsFor(defaultPost, homes)[0]?.id ?? null });
  }, [defaultPost, homes, form]);

  const onValuesChange = (changed: Partial<SubmitValues>) => {
    if ("postId" in changed) {
      const next = posts.find((p) => p.id === changed.postId);
      form.setFieldsValue({ areaId: areaOptionsFor(next, homes)[0]?.id ?? null });
    }
  };

  const send = async (values: SubmitValues) => {
    setFailure(null);
    const outcome = await submit({
      input: {
        title: values.title.trim(),
        category: values.category as SuggestionCategory,
        content: values.content.trim(),
        place: values.place?.trim() || null,
        postId: values.postId ?? null,
        areaId: values.areaId ?? null,
        allowPublish: values.allowPublish,
        photoIds: (values.photos ?? []).map((photo) => photo.id),
      },
    });
    if (outcome.error) {
      // The server names input fields "input.title", photos "photoIds.2": the form's names are plainer.
      const field = outcome.error.field?.replace(/^input\./, "").replace(/^photoIds(\..*)?$/, "photos") ?? null;
      if (!showOnForm(form, { ...outcome.error, field }, FORM_FIELDS)) setFailure(outcome.error);
      return;
    }
    message.success(t("suggestResident.submit.done"));
    void navigate(`/suggestions/${outcome.data.id}`, { state: { submitted: true } });
  };

  return (
    <Page title={t("suggestResident.submit.title")} description={t("suggestResident.submit.lead")}>
      <Form<SubmitValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        scrollToFirstError
        onFinish={send}
        onValuesChange={onValuesChange}
        initialValues={{ allowPublish: false, photos: [] }}
        className="suggestion-form"
      >
        <Card title={t("suggestResident.submit.sectionWhat")} className="section-card">
          <Form.Item
            name="title"
            label={t("suggestResident.submit.titleLabel")}
            extra={t("suggestResident.submit.titleHint")}
            rules={[
              { required: true, whitespace: true, message: t("suggestResident.submit.titleRequired") },
              { max: TITLE_MAX, message: t("suggestResident.submit.titleTooLong", { max: TITLE_MAX }) },
            ]}
          >
            <Input
              maxLength={TITLE_MAX}
              showCount
              placeholder={t("suggestResident.submit.titlePlaceholder")}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t("suggestResident.submit.category")}
            rules={[{ required: true, message: t("suggestResident.submit.categoryRequired") }]}
          >
            <Select
              placeholder={t("suggestResident.submit.categoryPlaceholder")}
              options={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: t(`suggestion.category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label={t("suggestResident.submit.content")}
            extra={t("suggestResident.submit.contentHint")}
            rules={[
              { required: true, whitespace: true, message: t("suggestResident.submit.contentRequired") },
              { max: CONTENT_MAX, message: t("suggestResident.submit.contentTooLong", { max: CONTENT_MAX }) },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 14 }}
              maxLength={CONTENT_MAX}
              showCount
              placeholder={t("suggestResident.submit.contentPlaceholder")}
            />
          </Form.Item>
          <Form.Item
            name="place"
            label={`${t("suggestResident.submit.place")}${t("suggestResident.submit.optional")}`}
            rules={[{ max: PLACE_MAX, message: t("suggestResident.submit.placeTooLong", { max: PLACE_MAX }) }]}
          >
            <Input
              maxLength={PLACE_MAX}
              prefix={<EnvironmentOutlined aria-hidden />}
              placeholder={t("suggestResident.submit.placePlaceholder")}
            />
          </Form.Item>
          <Form.Item
            name="photos"
            label={`${t("suggestResident.submit.photos")}${t("suggestResident.submit.optional")}`}
            extra={t("suggestion.photos.hint")}
          >
            <PhotoPicker onUploadingChange={setPhotosUploading} />
          </Form.Item>
        </Card>

        <Card title={t("suggestResident.submit.sectionWhere")} className="section-card">
          {homes.length === 0 && (
            <Alert
              type="info"
              showIcon
              className="form-note"
              title={t("suggestResident.submit.notVerifiedTitle")}
              description={
                <Flex vertical gap={8} align="flex-start">
                  <span>{t("suggestResident.submit.notVerified")}</span>
                  <LinkButton to="/me/home">{t("suggestResident.submit.verify")}</LinkButton>
                </Flex>
              }
            />
          )}
          {postsError && !loaded && (
            <Alert
              type="error"
              showIcon
              className="form-note"
              title={t("suggestResident.submit.postsFailed")}
              action={
                <Button size="middle" onClick={retry}>
                  {t("common.retry")}
                </Button>
              }
            />
          )}
          <Form.Item
            name="postId"
            label={t("suggestResident.submit.post")}
            extra={
              post && post.id === defaultPost?.id
                ? t("suggestResident.submit.postDefault")
                : t("suggestResident.submit.postHint")
            }
            // Without a post serving a verified home the server cannot choose one: the resident must.
            // (While the list has not loaded, a verified resident may still send; the server chooses.)
            rules={[
              {
                required: loaded ? !defaultPost : homes.length === 0,
                message: t("suggestResident.submit.postRequired"),
              },
            ]}
          >
            <PostSelect posts={posts} loading={!loaded} placeholder={t("suggestResident.submit.postPlaceholder")} />
          </Form.Item>
          {post && <PostFacts post={post} />}
          {post && (
            <Form.Item
              name="areaId"
              label={`${t("suggestResident.submit.area")}${t("suggestResident.submit.optional")}`}
              extra={t("suggestResident.submit.areaHint")}
            >
              <AreaChoice post={post} options={areaOptions} />
            </Form.Item>
          )}
        </Card>

        <Card title={t("suggestResident.submit.sectionPublish")} className="section-card">
          <Form.Item name="allowPublish" valuePropName="checked" label={t("suggestResident.submit.allowPublish")}>
            <Switch
              checkedChildren={t("suggestResident.submit.publishYes")}
              unCheckedChildren={t("suggestResident.submit.publishNo")}
              className="publish-switch"
            />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            icon={<UserOutlined />}
            title={t("suggestResident.submit.privacyTitle")}
            description={t("suggestResident.submit.privacyText")}
            data-testid="privacy-note"
          />
        </Card>

        <FormFailure failure={failure} />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          icon={<SendOutlined />}
          loading={state.fetching}
          disabled={photosUploading}
          className="submit-button suggestion-submit"
        >
          {photosUploading ? t("suggestion.photos.uploading") : t("suggestResident.submit.submit")}
        </Button>
        <Typography.Paragraph type="secondary" className="privacy-note">
          {t("suggestResident.submit.after")}
        </Typography.Paragraph>
      </Form>
    </Page>
  );
}

/** Where the chosen post is and who receives residents there: so the resident knows where it goes. */
function PostFacts({ post }: { post: PostChoice }) {
  const { t } = useTranslation();
  return (
    <div className="post-facts-inline" data-testid="chosen-post">
      <Typography.Text type="secondary">
        <EnvironmentOutlined aria-hidden /> {post.address}
      </Typography.Text>
      {post.deputies.length > 0 && (
        <Typography.Text type="secondary">
          <UserOutlined aria-hidden />{" "}
          {t("suggestResident.submit.postDeputies", { names: post.deputies.map((d) => d.name).join("、") })}
        </Typography.Text>
      )}
    </div>
  );
}

interface AreaChoiceProps {
  post: PostChoice;
  options: readonly AreaOption[];
  value?: string | null;
  onChange?(value: string | null): void;
  id?: string;
}

/**
 * The area it concerns, as large choices: the resident's own 小区 and 居民区 (or the post's whole area),
 * or any other area the post serves, picked from the tree.
 */
function AreaChoice({ post, options, value, onChange, id }: AreaChoiceProps) {
  const { t } = useTranslation();
  const known = options.some((o) => o.id === value);
  const [other, setOther] = useState(false);
  const showTree = other || (value != null && !known);
  return (
    <div id={id} className="area-choice">
      <Radio.Group
        className="area-choice-options"
        value={showTree ? "other" : (value ?? undefined)}
        onChange={(event) => {
          const next = event.target.value as string;
          if (next === "other") {
            setOther(true);
            onChange?.(null);
          } else {
            setOther(false);
            onChange?.(next);
          }
        }}
      >
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="area-choice-option">
            {option.name}
            <Typography.Text type="secondary">
              {" "}
              {option.home
                ? t("suggestResident.submit.areaMine", { kind: t(`areaKind.${option.kind}`) })
                : t("suggestResident.submit.areaWhole")}
            </Typography.Text>
          </Radio>
        ))}
        <Radio value="other" className="area-choice-option">
          {t("suggestResident.submit.areaOther")}
        </Radio>
      </Radio.Group>
      {showTree && (
        <AreaSelect
          roots={[post.area]}
          value={known ? null : value}
          onChange={(next) => onChange?.(next)}
          placeholder={t("suggestResident.submit.areaPick")}
          aria-label={t("suggestResident.submit.areaPick")}
        />
      )}
    </div>
  );
}
