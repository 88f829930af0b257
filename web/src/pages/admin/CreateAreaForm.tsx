import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { graphql } from "../../gql";
import type { AreaKind } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";

const CreateAreaDocument = graphql(`
  mutation CreateArea($parentId: ID!, $kind: AreaKind!, $name: String!) {
    createArea(parentId: $parentId, kind: $kind, name: $name) {
      __typename
      ... on MutationCreateAreaSuccess {
        data {
          ...AreaTreeNode
        }
      }
      ...Failure
    }
  }
`);

interface Values {
  kind: AreaKind;
  name: string;
}

/** Adds a 居民区 / 街区 under a street, a 小区 under a 居民区, a 楼栋 under a 小区. Keyed by the parent. */
export function CreateAreaForm({
  parent,
  kinds,
}: {
  parent: { id: string; name: string };
  kinds: readonly AreaKind[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, create] = useAppMutation(CreateAreaDocument);

  const submit = async (values: Values) => {
    setFailure(null);
    const outcome = await create({ parentId: parent.id, kind: values.kind, name: values.name.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["name", "kind"]) ? null : outcome.error);
      return;
    }
    message.success(t("adminAreas.created", { name: outcome.data.name }));
    form.setFieldsValue({ name: "" });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: kinds[0] }}
      className="create-area-form"
    >
      {kinds.length > 1 && (
        <Form.Item name="kind" label={t("adminAreas.kind")}>
          <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: t(`areaKind.${k}`) }))} />
        </Form.Item>
      )}
      {kinds.length === 1 && (
        <Form.Item name="kind" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t("adminAreas.newName", { parent: parent.name })}
        rules={[
          { required: true, whitespace: true, message: t("adminAreas.nameRequired") },
          { max: 50, message: t("adminAreas.nameTooLong") },
        ]}
      >
        <Input maxLength={50} placeholder={t(`adminAreas.namePlaceholder.${kinds[0] ?? "BUILDING"}`)} />
      </Form.Item>
      <FormFailure failure={failure} />
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={state.fetching}>
        {kinds.length === 1
          ? t("adminAreas.createKind", { kind: t(`areaKind.${kinds[0] ?? "BUILDING"}`) })
          : t("adminAreas.create")}
      </Button>
    </Form>
  );
}
