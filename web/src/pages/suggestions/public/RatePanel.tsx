import { FrownOutlined, MehOutlined, SmileOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useShowFailureOnForm } from "../../../components/failure";
import type { Satisfaction } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { RateSuggestionDocument } from "./documents";

/** 满意 / 基本满意 / 不满意 with their faces (also the deputy's 电话回访 form). */
export const SATISFACTION_CHOICES: readonly { value: Satisfaction; icon: React.ReactNode }[] = [
  { value: "SATISFIED", icon: <SmileOutlined /> },
  { value: "BASICALLY_SATISFIED", icon: <MehOutlined /> },
  { value: "UNSATISFIED", icon: <FrownOutlined /> },
];

interface RateValues {
  satisfaction?: Satisfaction;
  comment?: string;
}

/**
 * The submitter rates the reply: 满意 / 基本满意 / 不满意. 不满意 needs a reason (the server says so)
 * and sends the suggestion back to the deputies for 督办, which the resident is told before sending.
 */
export function RatePanel({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, rate] = useAppMutation(RateSuggestionDocument);
  const satisfaction = Form.useWatch("satisfaction", form);
  const unsatisfied = satisfaction === "UNSATISFIED";

  const submit = async (values: RateValues) => {
    if (!values.satisfaction) return;
    setFailure(null);
    const outcome = await rate({
      id: suggestionId,
      satisfaction: values.satisfaction,
      comment: values.comment?.trim() || null,
    });
    if (outcome.error) {
      if (!showOnForm(form, outcome.error, ["satisfaction", "comment"])) setFailure(outcome.error);
      return;
    }
    message.success(
      values.satisfaction === "UNSATISFIED" ? t("suggestResident.rate.sentBack") : t("suggestResident.rate.thanks"),
    );
  };

  return (
    <Card id="rate" title={t("suggestResident.rate.title")} className="section-card rate-card" data-testid="rate-panel">
      <Typography.Paragraph>{t("suggestResident.rate.lead")}</Typography.Paragraph>
      <Form<RateValues> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="satisfaction"
          label={t("suggestResident.rate.question")}
          rules={[{ required: true, message: t("suggestResident.rate.chooseOne") }]}
        >
          <Radio.Group className="rate-choices">
            {SATISFACTION_CHOICES.map((choice) => (
              <Radio key={choice.value} value={choice.value} className={`rate-choice rate-${choice.value}`}>
                <span aria-hidden className="rate-choice-icon">
                  {choice.icon}
                </span>{" "}
                {t(`suggestion.satisfaction.${choice.value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {unsatisfied && (
          <Alert
            type="warning"
            showIcon
            className="form-note"
            title={t("suggestResident.rate.unsatisfiedTitle")}
            description={t("suggestResident.rate.unsatisfiedNote")}
          />
        )}
        <Form.Item
          name="comment"
          label={unsatisfied ? t("suggestResident.rate.reason") : t("suggestResident.rate.comment")}
          rules={[
            {
              required: unsatisfied,
              whitespace: true,
              message: t("suggestResident.rate.reasonRequired"),
            },
            { max: 500, message: t("suggestResident.rate.commentTooLong") },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={500}
            showCount
            placeholder={
              unsatisfied ? t("suggestResident.rate.reasonPlaceholder") : t("suggestResident.rate.commentPlaceholder")
            }
          />
        </Form.Item>
        <FormFailure failure={failure} />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={state.fetching}
          danger={unsatisfied}
          className="submit-button"
        >
          {unsatisfied ? t("suggestResident.rate.submitUnsatisfied") : t("suggestResident.rate.submit")}
        </Button>
      </Form>
    </Card>
  );
}
