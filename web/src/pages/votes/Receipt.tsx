import { CheckCircleFilled, CloseCircleFilled, CopyOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { useDescribeFailure } from "../../components/failure";
import { failureFromCombinedError } from "../../graphql/outcome";
import { VerifyReceiptDocument } from "./documents";

/** "K7QM2 XW9PA": two groups of five read more easily aloud or when copying by hand. */
export function groupReceipt(code: string): string {
  return code.replace(/(.{5})(?=.)/g, "$1 ");
}

/** What people type back: spaces, dashes and case do not matter. */
export function normaliseReceipt(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

interface ReceiptCardProps {
  code: string;
  replaced: boolean;
  choices: readonly string[];
  household: boolean;
  secret: boolean;
  onDone(): void;
}

/** Shown once after casting: the receipt code, big, with why to keep it. */
export function ReceiptCard({ code, replaced, choices, household, secret, onDone }: ReceiptCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      message.success(t("votes.receipt.copied"));
    } catch {
      message.info(t("votes.receipt.copyManually"));
    }
  };
  return (
    <Card className="receipt-card" data-testid="receipt-card">
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} className="receipt-title">
          <CheckCircleFilled className="receipt-ok" aria-hidden />
          <Typography.Title level={3} className="receipt-heading">
            {replaced ? t("votes.receipt.replacedTitle") : t("votes.receipt.title")}
          </Typography.Title>
        </Flex>
        <Typography.Text>
          {t("votes.receipt.yourChoice")}
          <strong>{choices.join("、")}</strong>
        </Typography.Text>
        <div className="receipt-box">
          <Typography.Text type="secondary">{t("votes.receipt.codeLabel")}</Typography.Text>
          <div className="receipt-code" data-testid="receipt-code">
            {groupReceipt(code)}
          </div>
          <Button icon={<CopyOutlined />} size="large" onClick={copy}>
            {t("votes.receipt.copy")}
          </Button>
        </div>
        <ul className="plain-list receipt-explain">
          <li>{t("votes.receipt.keep")}</li>
          <li>{t("votes.receipt.once")}</li>
          <li>{household ? t("votes.receipt.changeHousehold") : t("votes.receipt.change")}</li>
          {secret && <li>{t("votes.receipt.secret")}</li>}
        </ul>
        <Button type="primary" size="large" onClick={onDone}>
          {t("votes.receipt.done")}
        </Button>
      </Flex>
    </Card>
  );
}

/** After (or during) a vote: is the ballot with this receipt in the count? */
export function ReceiptCheckBox({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const describe = useDescribeFailure();
  const [code, setCode] = useState("");
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<
    { kind: "found"; labels: readonly string[] | null } | { kind: "missing" } | { kind: "error"; text: string } | null
  >(null);

  const check = async () => {
    const value = normaliseReceipt(code);
    if (!value) return;
    setChecking(true);
    const result = await client
      .query(VerifyReceiptDocument, { voteId, code: value }, { requestPolicy: "network-only" })
      .toPromise();
    setChecking(false);
    if (result.error) setAnswer({ kind: "error", text: describe(failureFromCombinedError(result.error)) });
    else if (result.data?.verifyReceipt.found)
      setAnswer({ kind: "found", labels: result.data.verifyReceipt.optionLabels });
    else setAnswer({ kind: "missing" });
  };

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined aria-hidden />
          {t("votes.check.title")}
        </Flex>
      }
      className="section-card"
      data-testid="receipt-check"
    >
      <Typography.Paragraph type="secondary">{t("votes.check.lead")}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Input
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            setAnswer(null);
          }}
          onPressEnter={() => void check()}
          placeholder={t("votes.check.placeholder")}
          aria-label={t("votes.check.label")}
          size="large"
          maxLength={24}
          autoComplete="off"
          spellCheck={false}
          className="receipt-input"
        />
        <Button
          type="primary"
          size="large"
          loading={checking}
          onClick={() => void check()}
          disabled={!normaliseReceipt(code)}
        >
          {t("votes.check.submit")}
        </Button>
      </Flex>
      {answer?.kind === "found" && (
        <Alert
          className="receipt-answer"
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t("votes.check.found")}
          description={
            answer.labels
              ? t("votes.check.foundChoice", { choices: answer.labels.join("、") })
              : t("votes.check.foundSecret")
          }
          role="status"
        />
      )}
      {answer?.kind === "missing" && (
        <Alert
          className="receipt-answer"
          type="warning"
          showIcon
          icon={<CloseCircleFilled />}
          title={t("votes.check.missing")}
          description={t("votes.check.missingHint")}
          role="status"
        />
      )}
      {answer?.kind === "error" && <Alert className="receipt-answer" type="error" showIcon title={answer.text} />}
    </Card>
  );
}
