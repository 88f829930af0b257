import { LockOutlined, MobileOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, type InputRef, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { Page } from "../../components/Page";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useSession } from "../../session/SessionProvider";
import { useViewer } from "../../session/ViewerProvider";
import { useCountdown } from "./useCountdown";

const RequestCodeDocument = graphql(`
  mutation RequestSignInCode($phone: String!) {
    requestSignInCode(phone: $phone) {
      __typename
      ... on MutationRequestSignInCodeSuccess {
        data {
          maskedPhone
          expiresInSeconds
          resendAfterSeconds
        }
      }
      ...Failure
    }
  }
`);

const SignInDocument = graphql(`
  mutation SignIn($phone: String!, $code: String!) {
    signIn(phone: $phone, code: $code) {
      __typename
      ... on MutationSignInSuccess {
        data {
          isNewAccount
          account {
            id
          }
        }
      }
      ...Failure
    }
  }
`);

interface SignInValues {
  phone: string;
  code: string;
}

/** "138 0000 0002", "+86 138-0000-0002" → "13800000002". */
function normalisePhone(input: string): string {
  const digits = input.replace(/[\s\-()]/g, "");
  if (digits.startsWith("+86")) return digits.slice(3);
  if (digits.startsWith("0086")) return digits.slice(4);
  return digits;
}

const MOBILE = /^1[3-9]\d{9}$/;
const FIELDS = ["phone", "code"] as const;

/** Phone number → one-time code → signed in (a first sign-in creates the account). */
export function SignInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SignInValues>();
  const { viewer } = useViewer();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const showOnForm = useShowFailureOnForm();
  const countdown = useCountdown();
  const codeInput = useRef<InputRef>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [requestState, requestCode] = useAppMutation(RequestCodeDocument);
  const [signInState, signIn] = useAppMutation(SignInDocument);

  if (viewer.signedIn) return <Navigate to={from ?? "/start"} replace />;

  const report = (error: AppFailure) => {
    if (error.code === "RATE_LIMITED" && error.retryAfterSeconds && error.retryAfterSeconds <= 300) {
      countdown.start(error.retryAfterSeconds);
    }
    setFailure(showOnForm(form, error, FIELDS) ? null : error);
  };

  const sendCode = async () => {
    setFailure(null);
    let phone: string;
    try {
      phone = normalisePhone((await form.validateFields(["phone"])).phone);
    } catch {
      return;
    }
    const outcome = await requestCode({ phone });
    if (outcome.error) {
      report(outcome.error);
      return;
    }
    setSentTo(outcome.data.maskedPhone);
    countdown.start(outcome.data.resendAfterSeconds);
    codeInput.current?.focus();
  };

  const submit = async (values: SignInValues) => {
    setFailure(null);
    const outcome = await signIn({ phone: normalisePhone(values.phone), code: values.code.trim() });
    if (outcome.error) {
      report(outcome.error);
      return;
    }
    // The cookie is set: start a fresh session (empty cache, new WebSocket) and go on.
    message.success(outcome.data.isNewAccount ? t("auth.welcomeNew") : t("auth.welcomeBack"));
    session.restart();
    await navigate(from ?? "/start", { replace: true });
  };

  return (
    <Page title={t("auth.title")} description={t("auth.lead")}>
      <Card className="sign-in-card">
        <Form<SignInValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
          size="large"
        >
          <Form.Item
            name="phone"
            label={t("auth.phone")}
            rules={[
              { required: true, message: t("auth.phoneRequired") },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || MOBILE.test(normalisePhone(value))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("auth.phoneInvalid"))),
              },
            ]}
          >
            <Input
              prefix={<MobileOutlined />}
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              placeholder={t("auth.phonePlaceholder")}
              maxLength={16}
            />
          </Form.Item>
          <Form.Item label={t("auth.code")} required={false}>
            <Space.Compact block>
              <Form.Item
                name="code"
                noStyle
                rules={[
                  { required: true, message: t("auth.codeRequired") },
                  { pattern: /^\s*\d{6}\s*$/, message: t("auth.codeInvalid") },
                ]}
              >
                <Input
                  ref={codeInput}
                  prefix={<LockOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  placeholder={t("auth.codePlaceholder")}
                  maxLength={6}
                  aria-label={t("auth.code")}
                />
              </Form.Item>
              <Button
                onClick={sendCode}
                loading={requestState.fetching}
                disabled={countdown.left > 0}
                className="send-code-button"
              >
                {countdown.left > 0
                  ? t("auth.resendIn", { seconds: countdown.left })
                  : sentTo
                    ? t("auth.resend")
                    : t("auth.sendCode")}
              </Button>
            </Space.Compact>
          </Form.Item>
          {sentTo && (
            <Alert
              type="success"
              showIcon
              title={t("auth.codeSent", { phone: sentTo })}
              className="form-note"
              role="status"
            />
          )}
          {import.meta.env.DEV && sentTo && (
            <Typography.Paragraph type="secondary" className="form-note">
              {t("auth.devCodeHint")}
            </Typography.Paragraph>
          )}
          <FormFailure failure={failure} />
          <Button type="primary" htmlType="submit" block loading={signInState.fetching} className="submit-button">
            {t("auth.signIn")}
          </Button>
          <Typography.Paragraph type="secondary" className="form-note privacy-note">
            {t("auth.privacy")}
          </Typography.Paragraph>
        </Form>
      </Card>
    </Page>
  );
}
