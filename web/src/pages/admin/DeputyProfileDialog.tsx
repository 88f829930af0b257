import { App, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";

const SetDeputyProfileDocument = graphql(`
  mutation SetDeputyProfile($accountId: ID!, $name: String!, $title: String!, $bio: String) {
    setDeputyProfile(accountId: $accountId, name: $name, title: $title, bio: $bio) {
      __typename
      ... on MutationSetDeputyProfileSuccess {
        data {
          id
          name
          title
          bio
        }
      }
      ...Failure
    }
  }
`);

interface Values {
  name: string;
  title: string;
  bio?: string;
}

interface DeputyProfileDialogProps {
  accountId: string;
  /** How staff know the person (real name or public name), for the title. */
  personName: string;
  /** The profile as it is, or what to start from (the real name) when there is none yet. */
  initial: { name: string; title: string; bio: string | null };
  onClose(): void;
}

/** 代表信息: the public name, title and introduction shown on the posts a deputy serves at. */
export function DeputyProfileDialog({ accountId, personName, initial, onClose }: DeputyProfileDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, save] = useAppMutation(SetDeputyProfileDocument);

  const submit = async (values: Values) => {
    setFailure(null);
    const outcome = await save({
      accountId,
      name: values.name.trim(),
      title: values.title.trim(),
      bio: values.bio?.trim() || null,
    });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["name", "title", "bio"]) ? null : outcome.error);
      return;
    }
    message.success(t("roles.deputyProfileSaved", { name: outcome.data.name }));
    onClose();
  };

  return (
    <Modal
      open
      title={t("roles.deputyProfileTitle", { name: personName })}
      okText={t("common.save")}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("roles.deputyProfileLead")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: initial.name, title: initial.title, bio: initial.bio ?? "" }}
        onValuesChange={() => setFailure(null)}
        className="deputy-profile-form"
      >
        <Form.Item
          name="name"
          label={t("roles.deputyName")}
          rules={[{ required: true, whitespace: true, message: t("roles.deputyNameRequired") }]}
        >
          <Input maxLength={30} autoFocus />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("roles.deputyTitle")}
          rules={[{ required: true, whitespace: true, message: t("roles.deputyTitleRequired") }]}
        >
          <Input maxLength={40} placeholder={t("roles.deputyTitlePlaceholder")} />
        </Form.Item>
        <Form.Item name="bio" label={t("roles.deputyBio")} rules={[{ max: 500, message: t("roles.deputyBioTooLong") }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t("roles.deputyBioPlaceholder")} />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
