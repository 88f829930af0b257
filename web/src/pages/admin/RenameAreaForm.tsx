import { App, Button, Form, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";

const RenameAreaDocument = graphql(`
  mutation RenameArea($id: ID!, $name: String!) {
    renameArea(id: $id, name: $name) {
      __typename
      ... on MutationRenameAreaSuccess {
        data {
          id
          name
        }
      }
      ...Failure
    }
  }
`);

export function RenameAreaForm({ area }: { area: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, rename] = useAppMutation(RenameAreaDocument);

  const submit = async ({ name }: { name: string }) => {
    setFailure(null);
    const outcome = await rename({ id: area.id, name: name.trim() });
    if (outcome.error) setFailure(showOnForm(form, outcome.error, ["name"]) ? null : outcome.error);
    else message.success(t("adminAreas.renamed"));
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: area.name }}>
      <Form.Item label={t("adminAreas.name")} required>
        <Space.Compact block>
          <Form.Item
            name="name"
            noStyle
            rules={[
              { required: true, whitespace: true, message: t("adminAreas.nameRequired") },
              { max: 50, message: t("adminAreas.nameTooLong") },
            ]}
          >
            <Input maxLength={50} aria-label={t("adminAreas.name")} />
          </Form.Item>
          <Button htmlType="submit" loading={state.fetching}>
            {t("adminAreas.rename")}
          </Button>
        </Space.Compact>
      </Form.Item>
      <FormFailure failure={failure} />
    </Form>
  );
}
