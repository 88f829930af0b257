import { App, Button, Card, Descriptions, Form, Input, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { Page } from "../../components/Page";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { usePreferences } from "../../session/preferences";
import { useViewer } from "../../session/ViewerProvider";

const UpdateProfileDocument = graphql(`
  mutation UpdateMyProfile($displayName: String, $realName: String, $largeText: Boolean, $locale: Locale) {
    updateMyProfile(displayName: $displayName, realName: $realName, largeText: $largeText, locale: $locale) {
      __typename
      ... on MutationUpdateMyProfileSuccess {
        data {
          id
          displayName
          realName
          largeText
          locale
        }
      }
      ...Failure
    }
  }
`);

interface ProfileValues {
  displayName: string;
  realName: string;
}

/** Public name, private real name, and how the app looks for this person. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useViewer();
  const preferences = usePreferences();
  const [form] = Form.useForm<ProfileValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, update] = useAppMutation(UpdateProfileDocument);
  const account = viewer.account;
  if (!account) return null;

  const submit = async (values: ProfileValues) => {
    setFailure(null);
    const outcome = await update({ displayName: values.displayName.trim(), realName: values.realName.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["displayName", "realName"]) ? null : outcome.error);
      return;
    }
    message.success(t("common.saved"));
  };

  const setLargeText = async (largeText: boolean) => {
    preferences.setPreferences({ largeText });
    const outcome = await update({ largeText });
    if (outcome.error) message.error(t("errors.NETWORK"));
  };

  return (
    <Page title={t("profile.title")}>
      <Card title={t("profile.account")} className="section-card">
        <Descriptions column={1} items={[{ key: "phone", label: t("auth.phone"), children: account.phone }]} />
        <Form<ProfileValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ displayName: account.displayName, realName: account.realName ?? "" }}
          onValuesChange={() => setFailure(null)}
        >
          <Form.Item
            name="displayName"
            label={t("profile.displayName")}
            extra={t("profile.displayNameHint")}
            rules={[
              { required: true, whitespace: true, message: t("profile.displayNameRequired") },
              { max: 20, message: t("profile.displayNameTooLong") },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="realName"
            label={t("profile.realName")}
            extra={t("profile.realNameHint")}
            rules={[{ max: 30, message: t("profile.realNameTooLong") }]}
          >
            <Input maxLength={30} autoComplete="name" />
          </Form.Item>
          <FormFailure failure={failure} />
          <Button type="primary" htmlType="submit" loading={state.fetching}>
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("profile.display")} className="section-card">
        <Descriptions
          column={1}
          items={[
            { key: "language", label: t("settings.language"), children: <LanguageSwitch /> },
            {
              key: "large",
              label: t("settings.largeText"),
              children: (
                <Switch
                  checked={preferences.largeText}
                  onChange={setLargeText}
                  checkedChildren={t("common.on")}
                  unCheckedChildren={t("common.off")}
                  aria-label={t("settings.largeText")}
                />
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
