import { App, Button, Card, Form, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { RatingFields, type RatingValues, useRatingForm } from "../shared/RatingFields";
import { RateSuggestionDocument } from "./documents";

/**
 * The submitter rates the reply: 满意 / 基本满意 / 不满意. 不满意 needs a reason (the server says so)
 * and sends the suggestion back to the deputies for 督办, which the resident is told before sending.
 */
export function RatePanel({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, failure, unsatisfied, fetching, submit } = useRatingForm(RateSuggestionDocument, suggestionId, {
    onRated: (satisfaction) =>
      message.success(
        satisfaction === "UNSATISFIED" ? t("suggestResident.rate.sentBack") : t("suggestResident.rate.thanks"),
      ),
  });

  return (
    <Card id="rate" title={t("suggestResident.rate.title")} className="section-card rate-card" data-testid="rate-panel">
      <Typography.Paragraph>{t("suggestResident.rate.lead")}</Typography.Paragraph>
      <Form<RatingValues> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <RatingFields
          unsatisfied={unsatisfied}
          labels={{
            question: t("suggestResident.rate.question"),
            comment: t("suggestResident.rate.comment"),
            reason: t("suggestResident.rate.reason"),
            unsatisfiedTitle: t("suggestResident.rate.unsatisfiedTitle"),
            unsatisfiedNote: t("suggestResident.rate.unsatisfiedNote"),
            commentPlaceholder: t("suggestResident.rate.commentPlaceholder"),
            reasonPlaceholder: t("suggestResident.rate.reasonPlaceholder"),
          }}
        />
        <FormFailure failure={failure} />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={fetching}
          danger={unsatisfied}
          className="submit-button"
        >
          {unsatisfied ? t("suggestResident.rate.submitUnsatisfied") : t("suggestResident.rate.submit")}
        </Button>
      </Form>
    </Card>
  );
}
