import { App, Form, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useShowFailureOnForm } from "../../../components/failure";
import type { HandleSuggestionFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { RATING_FIELDS, RatingFields, type RatingValues, ratingVariables } from "../shared/RatingFields";
import { RateSuggestionByPhoneDocument } from "./documents";
import { isRace } from "./TransferDialog";

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
  const [form] = Form.useForm<RatingValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, rate] = useAppMutation(RateSuggestionByPhoneDocument);
  const unsatisfied = Form.useWatch("satisfaction", form) === "UNSATISFIED";

  const submit = async (values: RatingValues) => {
    const variables = ratingVariables(suggestion.id, values);
    if (!variables) return;
    setFailure(null);
    const outcome = await rate(variables);
    if (outcome.error) {
      if (isRace(outcome.error)) {
        onRace(outcome.error);
        return;
      }
      if (!showOnForm(form, outcome.error, RATING_FIELDS)) setFailure(outcome.error);
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
      <Form<RatingValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <RatingFields
          unsatisfied={unsatisfied}
          labels={{
            question: t("suggestDeputy.phoneRating.question"),
            comment: t("suggestDeputy.phoneRating.comment"),
            reason: t("suggestDeputy.phoneRating.reason"),
            unsatisfiedTitle: t("suggestDeputy.phoneRating.unsatisfiedNote"),
          }}
        />
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
