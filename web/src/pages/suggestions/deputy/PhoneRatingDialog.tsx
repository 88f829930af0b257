import { App, Form, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import type { HandleSuggestionFragment } from "../../../gql/graphql";
import type { AppFailure } from "../../../graphql/outcome";
import { RatingFields, type RatingValues, useRatingForm } from "../shared/RatingFields";
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
  const { form, failure, unsatisfied, fetching, submit } = useRatingForm(RateSuggestionByPhoneDocument, suggestion.id, {
    onRated: (satisfaction) => {
      message.success(
        t(
          satisfaction === "UNSATISFIED"
            ? "suggestDeputy.phoneRating.doneUnsatisfied"
            : "suggestDeputy.phoneRating.done",
        ),
      );
      onDone();
    },
    // Someone else acted first: the page closes the dialog, reloads and says so.
    onRefused: (refusal) => {
      if (!isRace(refusal)) return false;
      onRace(refusal);
      return true;
    },
  });

  return (
    <Modal
      open
      title={t("suggestDeputy.phoneRating.title")}
      okText={t("suggestDeputy.phoneRating.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: fetching, danger: unsatisfied, size: "large" }}
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
