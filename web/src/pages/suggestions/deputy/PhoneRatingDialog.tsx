import { Alert, App, Form, Input, Modal, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useShowFailureOnForm } from "../../../components/failure";
import type { HandleSuggestionFragment, Satisfaction } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { SATISFACTION_CHOICES } from "../public/RatePanel";
import { RateSuggestionByPhoneDocument } from "./documents";
import { isRace } from "./TransferDialog";

interface PhoneRatingValues {
  satisfaction?: Satisfaction;
  comment?: string;
}

interface PhoneRatingDialogProps {
  suggestion: HandleSuggestionFragment;
  onClose(): void;
  onDone(): void;
  onRace(failure: AppFailure): void;
}

/**
 * 电话回访: the resident has no account, so the deputy calls them and enters what they said —
 * 满意 / 基本满意 / 不满意 and why. Recorded as taken by phone, under the deputy's name; 不满意
 * sends it into 督办 like a resident's own rating.
 */
export function PhoneRatingDialog({ suggestion, onClose, onDone, onRace }: PhoneRatingDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PhoneRatingValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, rate] = useAppMutation(RateSuggestionByPhoneDocument);
  const unsatisfied = Form.useWatch("satisfaction", form) === "UNSATISFIED";

  const submit = async (values: PhoneRatingValues) => {
    if (!values.satisfaction) return;
    setFailure(null);
    const outcome = await rate({
      id: suggestion.id,
      satisfaction: values.satisfaction,
      comment: values.comment?.trim() || null,
    });
    if (outcome.error) {
      if (isRace(outcome.error)) {
        onRace(outcome.error);
        return;
      }
      if (!showOnForm(form, outcome.error, ["satisfaction", "comment"])) setFailure(outcome.error);
      return;
    }
    message.success(t(unsatisfied ? "suggestDeputy.phoneRating.doneUnsatisfied" : "suggestDeputy.phoneRating.done"));
    onDone();
  };

  return (
    <Modal
      open
      title={t("suggestDeputy.phoneRating.title")}
      okText={t("suggestDeputy.phoneRating.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: state.fetching, danger: unsatisfied, size: "large" }}
      cancelButtonProps={{ size: "large" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      className="step-dialog"
    >
      <Typography.Paragraph>
        {t("suggestDeputy.phoneRating.body", {
          name: suggestion.submitterName ?? t("suggestDeputy.handle.noName"),
          phone: suggestion.submitterPhone ?? t("suggestDeputy.handle.noPhone"),
        })}
      </Typography.Paragraph>
      <Form<PhoneRatingValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="satisfaction"
          label={t("suggestDeputy.phoneRating.question")}
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
          <Alert type="warning" showIcon className="form-note" title={t("suggestDeputy.phoneRating.unsatisfiedNote")} />
        )}
        <Form.Item
          name="comment"
          label={unsatisfied ? t("suggestDeputy.phoneRating.reason") : t("suggestDeputy.phoneRating.comment")}
          rules={[
            { required: unsatisfied, whitespace: true, message: t("suggestResident.rate.reasonRequired") },
            { max: 500, message: t("suggestResident.rate.commentTooLong") },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
