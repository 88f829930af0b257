import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { LiaisonPostCard } from "../../components/LiaisonPostCard";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { LiaisonPostInfoFragment, PostKind } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useStaffScope } from "./scope";

const OrgPostsDocument = graphql(`
  query OrgPosts {
    liaisonPosts {
      ...LiaisonPostInfo
      children {
        ...LiaisonPostInfo
        children {
          ...LiaisonPostInfo
        }
      }
    }
  }
`);

const CreatePostDocument = graphql(`
  mutation CreateLiaisonPost($kind: PostKind!, $name: String!, $parentId: ID, $areaId: ID!, $address: String!, $openHours: String) {
    createLiaisonPost(kind: $kind, name: $name, parentId: $parentId, areaId: $areaId, address: $address, openHours: $openHours) {
      __typename
      ... on MutationCreateLiaisonPostSuccess {
        data {
          ...LiaisonPostInfo
        }
      }
      ...Failure
    }
  }
`);

const UpdatePostDocument = graphql(`
  mutation UpdateLiaisonPost($id: ID!, $name: String, $address: String, $openHours: String) {
    updateLiaisonPost(id: $id, name: $name, address: $address, openHours: $openHours) {
      __typename
      ... on MutationUpdateLiaisonPostSuccess {
        data {
          ...LiaisonPostInfo
        }
      }
      ...Failure
    }
  }
`);

type Editing = { post: LiaisonPostInfoFragment } | { parent: LiaisonPostInfoFragment | null; kind: PostKind };
const CHILD_KIND: Partial<Record<PostKind, PostKind>> = { HOME: "STATION", STATION: "POINT" };

/** 家站点 tree: add a 代表之家, a 联络站 under it, a 联系点 under a 联络站; edit address and hours. */
export function PostsTab() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrgPostsDocument });
  const [editing, setEditing] = useState<Editing | null>(null);
  const homes = data?.liaisonPosts ?? [];

  const actions = (post: LiaisonPostInfoFragment) => {
    const childKind = CHILD_KIND[post.kind];
    return (
      <Flex gap={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ post })}>
          {t("common.edit")}
        </Button>
        {childKind && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ parent: post, kind: childKind })}>
            {t(`postKind.${childKind}`)}
          </Button>
        )}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parent: null, kind: "HOME" })}>
          {t("organisation.newHome")}
        </Button>
      </div>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={homes.length === 0}
        emptyText={t("posts.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <div className="post-tree">
          {homes.map((home) => (
            <LiaisonPostCard key={home.id} post={home} extra={actions(home)}>
              <div className="post-children">
                {home.children.map((station) => (
                  <LiaisonPostCard key={station.id} post={station} extra={actions(station)}>
                    <div className="post-children">
                      {station.children.map((point) => (
                        <LiaisonPostCard key={point.id} post={point} extra={actions(point)} />
                      ))}
                    </div>
                  </LiaisonPostCard>
                ))}
              </div>
            </LiaisonPostCard>
          ))}
        </div>
      </QueryState>
      {editing && <PostDialog editing={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

interface PostValues {
  kind: PostKind;
  areaId?: string;
  name: string;
  address: string;
  openHours?: string;
}

function PostDialog({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roots } = useStaffScope();
  const [form] = Form.useForm<PostValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [createState, create] = useAppMutation(CreatePostDocument);
  const [updateState, update] = useAppMutation(UpdatePostDocument);
  const existing = "post" in editing ? editing.post : null;
  const parent = "parent" in editing ? editing.parent : null;
  const kind = existing ? existing.kind : "kind" in editing ? editing.kind : "HOME";

  const submit = async (values: PostValues) => {
    setFailure(null);
    const openHours = values.openHours?.trim() || null;
    const outcome = existing
      ? await update({ id: existing.id, name: values.name.trim(), address: values.address.trim(), openHours })
      : await create({
          kind,
          parentId: parent?.id ?? null,
          areaId: values.areaId ?? "",
          name: values.name.trim(),
          address: values.address.trim(),
          openHours,
        });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["areaId", "name", "address", "openHours"]) ? null : outcome.error);
      return;
    }
    message.success(t("common.saved"));
    onClose();
  };

  const title = existing
    ? t("organisation.editPost", { name: existing.name })
    : parent
      ? t("organisation.newPostUnder", { kind: t(`postKind.${kind}`), parent: parent.name })
      : t("organisation.newHome");

  return (
    <Modal
      open
      title={title}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: createState.fetching || updateState.fetching }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PostValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
        initialValues={
          existing
            ? { kind, name: existing.name, address: existing.address, openHours: existing.openHours ?? "" }
            : { kind, areaId: parent?.area.id ?? roots[0]?.id }
        }
      >
        <Form.Item name="kind" label={t("organisation.postKind")}>
          <Select
            disabled
            options={(["HOME", "STATION", "POINT"] as const).map((k) => ({ value: k, label: t(`postKind.${k}`) }))}
          />
        </Form.Item>
        {!existing && (
          <Form.Item
            name="areaId"
            label={t("organisation.postArea")}
            rules={[{ required: true, message: t("organisation.areaRequired") }]}
          >
            <AreaSelect roots={roots} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t("organisation.name")}
          rules={[
            { required: true, whitespace: true, message: t("adminAreas.nameRequired") },
            { max: 50, message: t("adminAreas.nameTooLong") },
          ]}
        >
          <Input maxLength={50} placeholder={t(`organisation.postNamePlaceholder.${kind}`)} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t("posts.address")}
          rules={[{ required: true, whitespace: true, message: t("organisation.addressRequired") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="openHours" label={t("posts.openHours")} extra={t("organisation.openHoursHint")}>
          <Input maxLength={100} />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
