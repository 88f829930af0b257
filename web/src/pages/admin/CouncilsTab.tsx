import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { CouncilKind, OrgCouncilFragment } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useStaffScope } from "./scope";

const OrgCouncilsDocument = graphql(`
  query OrgCouncils {
    councils {
      ...OrgCouncil
    }
  }
`);

export const OrgCouncilFragmentDoc = graphql(`
  fragment OrgCouncil on Council {
    id
    name
    kind
    supportThreshold
    meetingQuorum
    area {
      id
      name
      ancestors {
        id
      }
    }
    members {
      id
    }
  }
`);

const CreateCouncilDocument = graphql(`
  mutation CreateCouncil($areaId: ID!, $name: String!, $kind: CouncilKind!, $supportThreshold: Int, $meetingQuorum: Int) {
    createCouncil(areaId: $areaId, name: $name, kind: $kind, supportThreshold: $supportThreshold, meetingQuorum: $meetingQuorum) {
      __typename
      ... on MutationCreateCouncilSuccess {
        data {
          ...OrgCouncil
        }
      }
      ...Failure
    }
  }
`);

const UpdateCouncilDocument = graphql(`
  mutation UpdateCouncil($id: ID!, $name: String, $supportThreshold: Int, $meetingQuorum: Int) {
    updateCouncil(id: $id, name: $name, supportThreshold: $supportThreshold, meetingQuorum: $meetingQuorum) {
      __typename
      ... on MutationUpdateCouncilSuccess {
        data {
          ...OrgCouncil
        }
      }
      ...Failure
    }
  }
`);

export function CouncilsTab() {
  const { t } = useTranslation();
  const { covers } = useStaffScope();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrgCouncilsDocument });
  const [editing, setEditing] = useState<OrgCouncilFragment | "new" | null>(null);
  const councils = (data?.councils ?? []).filter((c) => covers(c.area));
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("organisation.newCouncil")}
        </Button>
      </div>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={councils.length === 0}
        emptyText={t("organisation.noCouncils")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {councils.map((council) => (
          <Card
            key={council.id}
            size="small"
            title={<Link to={`/councils/${council.id}`}>{council.name}</Link>}
            extra={
              <Button icon={<EditOutlined />} onClick={() => setEditing(council)}>
                {t("common.edit")}
              </Button>
            }
          >
            <Flex gap={8} wrap align="center">
              <Tag>{t(`councilKind.${council.kind}`)}</Tag>
              <Typography.Text>{council.area.name}</Typography.Text>
              <Typography.Text type="secondary">
                {t("organisation.councilFacts", {
                  members: council.members.length,
                  threshold: council.supportThreshold,
                  quorum: council.meetingQuorum,
                })}
              </Typography.Text>
            </Flex>
          </Card>
        ))}
      </QueryState>
      {editing && <CouncilDialog council={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

interface CouncilValues {
  areaId?: string;
  kind?: CouncilKind;
  name: string;
  supportThreshold: number;
  meetingQuorum: number;
}

/** A council takes the kind of the area it serves. */
const COUNCIL_KIND_OF_AREA: Record<string, CouncilKind> = {
  NEIGHBOURHOOD: "NEIGHBOURHOOD",
  BLOCK: "BLOCK",
  STREET: "STREET",
};

function CouncilDialog({ council, onClose }: { council: OrgCouncilFragment | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roots } = useStaffScope();
  const [form] = Form.useForm<CouncilValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [createState, create] = useAppMutation(CreateCouncilDocument);
  const [updateState, update] = useAppMutation(UpdateCouncilDocument);

  const submit = async (values: CouncilValues) => {
    setFailure(null);
    const outcome = council
      ? await update({
          id: council.id,
          name: values.name.trim(),
          supportThreshold: values.supportThreshold,
          meetingQuorum: values.meetingQuorum,
        })
      : await create({
          areaId: values.areaId ?? "",
          kind: values.kind ?? "NEIGHBOURHOOD",
          name: values.name.trim(),
          supportThreshold: values.supportThreshold,
          meetingQuorum: values.meetingQuorum,
        });
    if (outcome.error) {
      setFailure(
        showOnForm(form, outcome.error, ["areaId", "kind", "name", "supportThreshold", "meetingQuorum"])
          ? null
          : outcome.error,
      );
      return;
    }
    message.success(t("common.saved"));
    onClose();
  };

  return (
    <Modal
      open
      title={council ? t("organisation.editCouncil") : t("organisation.newCouncil")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: createState.fetching || updateState.fetching }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CouncilValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
        initialValues={
          council
            ? { name: council.name, supportThreshold: council.supportThreshold, meetingQuorum: council.meetingQuorum }
            : { kind: "NEIGHBOURHOOD", supportThreshold: 10, meetingQuorum: 5 }
        }
      >
        {!council && (
          <>
            <Form.Item
              name="areaId"
              label={t("organisation.councilArea")}
              rules={[{ required: true, message: t("organisation.areaRequired") }]}
            >
              <AreaSelect
                roots={roots}
                selectableKinds={["STREET", "NEIGHBOURHOOD", "BLOCK"]}
                leafKinds={["NEIGHBOURHOOD", "BLOCK"]}
                onPickKind={(kind) => {
                  const councilKind = COUNCIL_KIND_OF_AREA[kind];
                  if (councilKind) form.setFieldsValue({ kind: councilKind });
                }}
              />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t("organisation.councilKind")}
              rules={[{ required: true, message: t("organisation.kindRequired") }]}
            >
              <Select
                options={(["NEIGHBOURHOOD", "BLOCK", "STREET"] as const).map((k) => ({
                  value: k,
                  label: t(`councilKind.${k}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t("organisation.name")}
          rules={[
            { required: true, whitespace: true, message: t("adminAreas.nameRequired") },
            { max: 50, message: t("adminAreas.nameTooLong") },
          ]}
        >
          <Input maxLength={50} placeholder={t("organisation.councilNamePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="supportThreshold"
          label={t("organisation.supportThreshold")}
          extra={t("organisation.supportThresholdHint")}
          rules={[{ required: true, message: t("organisation.numberRequired") }]}
        >
          <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="meetingQuorum"
          label={t("organisation.meetingQuorum")}
          extra={t("organisation.meetingQuorumHint")}
          rules={[{ required: true, message: t("organisation.numberRequired") }]}
        >
          <InputNumber min={1} max={1000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
