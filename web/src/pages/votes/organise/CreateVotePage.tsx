import { DeleteOutlined, ImportOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { FormFailure } from "../../../components/FormFailure";
import { namePathOf, useDescribeFailure } from "../../../components/failure";
import { Page } from "../../../components/Page";
import { graphql } from "../../../gql";
import type { BallotType, ThresholdRule, VoteSubject } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { manageLink } from "./documents";
import { type PickedSubject, SubjectSelect } from "./SubjectSelect";
import { useOrganiserScope } from "./scope";

const CreateVoteDocument = graphql(`
  mutation CreateVote(
    $subject: VoteSubject!
    $subjectId: ID!
    $title: String!
    $question: String!
    $ballotType: BallotType!
    $options: [NewVoteOptionInput!]
    $maxChoices: Int
    $budgetFen: Int
    $areaId: ID
    $councilId: ID
    $countingUnit: CountingUnit!
    $opensAt: DateTime
    $closesAt: DateTime
    $quorumPercent: Int
    $threshold: ThresholdRule
    $secret: Boolean
    $sealed: Boolean
  ) {
    createVote(
      subject: $subject
      subjectId: $subjectId
      title: $title
      question: $question
      ballotType: $ballotType
      options: $options
      maxChoices: $maxChoices
      budgetFen: $budgetFen
      areaId: $areaId
      councilId: $councilId
      countingUnit: $countingUnit
      opensAt: $opensAt
      closesAt: $closesAt
      quorumPercent: $quorumPercent
      threshold: $threshold
      secret: $secret
      sealed: $sealed
    ) {
      __typename
      ... on MutationCreateVoteSuccess {
        data {
          ...ManageVoteFields
        }
      }
      ...Failure
    }
  }
`);

const ScopeCouncilsDocument = graphql(`
  query VoteFormCouncils($areaId: ID!) {
    councils(areaId: $areaId) {
      id
      name
    }
  }
`);

const SUBJECTS: readonly VoteSubject[] = ["TOPIC", "MEETING_ITEM", "PROPOSAL", "BUDGET_ROUND"];
const BALLOT_TYPES: readonly BallotType[] = ["YES_NO_ABSTAIN", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "BUDGET", "RANKED"];
const THRESHOLDS: readonly ThresholdRule[] = ["SIMPLE_MAJORITY", "TWO_THIRDS", "CIVIL_CODE_278"];

interface OptionRow {
  label?: string;
  costYuan?: number | null;
  proposalId?: string | null;
}

interface VoteFormValues {
  scopeAreaId: string;
  subject: VoteSubject;
  subjectId?: string;
  title: string;
  question: string;
  ballotType: BallotType;
  options: OptionRow[];
  maxChoices?: number | null;
  budgetYuan?: number | null;
  electorate: "AREA" | "COUNCIL";
  areaId?: string | null;
  councilId?: string | null;
  countingUnit: "RESIDENT" | "HOUSEHOLD";
  opensAt?: string;
  closesAt?: string;
  quorumPercent: number;
  threshold: ThresholdRule;
  secret: boolean;
  sealed: boolean;
}

/** A server field → the form's name path (money is entered in yuan, sent in fen). */
function formPath(field: string): (string | number)[] {
  const path = namePathOf(field);
  if (path[0] === "budgetFen") return ["budgetYuan"];
  if (path[0] === "options" && path[2] === "costFen") return ["options", path[1] ?? 0, "costYuan"];
  return path;
}

const FORM_FIELDS = [
  "subjectId",
  "title",
  "question",
  "ballotType",
  "options",
  "maxChoices",
  "budgetYuan",
  "areaId",
  "councilId",
  "countingUnit",
  "opensAt",
  "closesAt",
  "quorumPercent",
  "threshold",
];

/** `<input type="datetime-local">` gives the device's local time (Beijing time on residents' devices). */
const toInstant = (local?: string) => (local ? new Date(local).toISOString() : null);
const toFen = (yuan?: number | null) => (yuan == null ? null : Math.round(yuan * 100));

/** 发起表决: the subject, the question and choices, who votes, when, and the rule. Saved as a draft. */
export function CreateVotePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const describe = useDescribeFailure();
  const scope = useOrganiserScope();
  const [form] = Form.useForm<VoteFormValues>();
  const [picked, setPicked] = useState<PickedSubject | null>(null);
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, create] = useAppMutation(CreateVoteDocument);

  const scopeAreaId = Form.useWatch("scopeAreaId", form) ?? scope.roots[0]?.id ?? "";
  const subject = Form.useWatch("subject", form) ?? "TOPIC";
  const ballotType = Form.useWatch("ballotType", form) ?? "YES_NO_ABSTAIN";
  const electorate = Form.useWatch("electorate", form) ?? "AREA";
  const countingUnit = Form.useWatch("countingUnit", form) ?? "RESIDENT";
  const threshold = Form.useWatch("threshold", form) ?? "SIMPLE_MAJORITY";
  const secret = Form.useWatch("secret", form) ?? false;
  const [councils] = useQuery({
    query: ScopeCouncilsDocument,
    variables: { areaId: scopeAreaId },
    pause: !scopeAreaId || electorate !== "COUNCIL",
  });
  const councilOptions = [
    ...(councils.data?.councils ?? []),
    ...scope.councils.filter((c) => !(councils.data?.councils ?? []).some((x) => x.id === c.id)),
  ];

  const yesNo = ballotType === "YES_NO_ABSTAIN";
  const householdYesNo = electorate === "AREA" && countingUnit === "HOUSEHOLD" && yesNo;

  const pickSubject = (subjectPicked: PickedSubject | null) => {
    setPicked(subjectPicked);
    if (!subjectPicked) return;
    const current = form.getFieldsValue();
    const updates: Partial<VoteFormValues> = {};
    if (!current.title?.trim() || current.title === picked?.title) updates.title = subjectPicked.title;
    if (
      !current.question?.trim() ||
      current.question === t("votes.form.defaultQuestion", { title: picked?.title ?? "" })
    ) {
      updates.question = t("votes.form.defaultQuestion", { title: subjectPicked.title });
    }
    if (subjectPicked.councilId) updates.councilId = subjectPicked.councilId;
    if (subjectPicked.round) {
      updates.ballotType = "BUDGET";
      updates.budgetYuan = subjectPicked.round.poolFen / 100;
      updates.question = t("votes.form.budgetQuestion");
      updates.options = subjectPicked.round.projects.map((p) => ({
        label: p.title,
        costYuan: p.costFen / 100,
        proposalId: p.id,
      }));
    }
    form.setFieldsValue(updates);
  };

  const importProjects = () => {
    if (!picked?.round) return;
    form.setFieldsValue({
      options: picked.round.projects.map((p) => ({ label: p.title, costYuan: p.costFen / 100, proposalId: p.id })),
      budgetYuan: picked.round.poolFen / 100,
    });
  };

  const submit = async (values: VoteFormValues) => {
    setFailure(null);
    const council = values.electorate === "COUNCIL";
    const outcome = await create({
      subject: values.subject,
      subjectId: values.subjectId ?? "",
      title: values.title.trim(),
      question: values.question.trim(),
      ballotType: values.ballotType,
      options:
        values.ballotType === "YES_NO_ABSTAIN"
          ? null
          : values.options.map((o) => ({
              label: (o.label ?? "").trim(),
              costFen: values.ballotType === "BUDGET" ? toFen(o.costYuan) : null,
              proposalId: o.proposalId ?? null,
            })),
      maxChoices:
        values.ballotType === "MULTIPLE_CHOICE" || values.ballotType === "BUDGET" ? (values.maxChoices ?? null) : null,
      budgetFen: values.ballotType === "BUDGET" ? toFen(values.budgetYuan) : null,
      areaId: council ? null : (values.areaId ?? null),
      councilId: council ? (values.councilId ?? null) : null,
      countingUnit: council ? "COUNCIL_MEMBER" : values.countingUnit,
      opensAt: toInstant(values.opensAt),
      closesAt: toInstant(values.closesAt),
      quorumPercent: values.quorumPercent ?? 0,
      threshold: values.ballotType === "YES_NO_ABSTAIN" ? values.threshold : "SIMPLE_MAJORITY",
      secret: values.secret,
      sealed: values.sealed,
    });
    if (outcome.error) {
      const error = outcome.error;
      const path = error.field ? formPath(error.field) : null;
      if (path && FORM_FIELDS.includes(String(path[0]))) {
        // The path comes from the server (checked against FORM_FIELDS), not from the values' type.
        const untyped = form as FormInstance;
        untyped.setFields([{ name: path, errors: [describe(error)] }]);
        untyped.scrollToField(path);
      } else {
        setFailure(error);
      }
      return;
    }
    message.success(t("votes.form.created"));
    void navigate(manageLink(outcome.data));
  };

  return (
    <Page title={t("votes.form.title")} description={t("votes.form.lead")}>
      <Form<VoteFormValues>
        form={form}
        layout="vertical"
        size="large"
        // Only what may be left empty says 可选: choices that always hold a value are not marked.
        requiredMark="optional"
        onFinish={submit}
        // The server refuses a secret ballot with a live per-option count: seal it as it is chosen.
        onValuesChange={(changed: Partial<VoteFormValues>) => {
          if (changed.secret) form.setFieldValue("sealed", true);
        }}
        scrollToFirstError
        initialValues={{
          scopeAreaId: scope.roots[0]?.id,
          subject: "TOPIC",
          ballotType: "YES_NO_ABSTAIN",
          options: [{ label: "" }, { label: "" }],
          electorate: "AREA",
          countingUnit: "RESIDENT",
          quorumPercent: 0,
          threshold: "SIMPLE_MAJORITY",
          secret: false,
          sealed: false,
        }}
        className="vote-form"
      >
        <Card title={t("votes.form.sectionSubject")} className="section-card">
          {scope.roots.length > 1 && (
            <Form.Item name="scopeAreaId" label={t("votes.form.scopeArea")}>
              <AreaSelect
                roots={scope.roots}
                onChange={() => {
                  form.resetFields(["subjectId"]);
                  setPicked(null);
                }}
              />
            </Form.Item>
          )}
          <Form.Item name="subject" required label={t("votes.form.subjectKind")}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              className="wrap-radios"
              options={SUBJECTS.map((s) => ({ value: s, label: t(`votes.subject.${s}`) }))}
              onChange={() => {
                form.resetFields(["subjectId"]);
                setPicked(null);
              }}
            />
          </Form.Item>
          <Form.Item
            name="subjectId"
            label={t(`votes.form.subjectLabel.${subject}`)}
            rules={[{ required: true, message: t("votes.form.subjectRequired") }]}
          >
            <SubjectSelect kind={subject} areaId={scopeAreaId} onPick={pickSubject} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t("votes.form.voteTitle")}
            rules={[
              { required: true, whitespace: true, message: t("votes.form.titleRequired") },
              { max: 100, message: t("votes.form.titleTooLong") },
            ]}
          >
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item
            name="question"
            label={t("votes.form.question")}
            extra={t("votes.form.questionHint")}
            rules={[{ required: true, whitespace: true, message: t("votes.form.questionRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Card>

        <Card title={t("votes.form.sectionBallot")} className="section-card">
          <Form.Item name="ballotType" required label={t("votes.form.ballotType")}>
            <Radio.Group className="stacked-radios">
              {BALLOT_TYPES.map((type) => (
                <Radio key={type} value={type}>
                  <span className="radio-title">{t(`votes.ballotType.${type}`)}</span>
                  <span className="radio-hint">{t(`votes.ballotTypeHint.${type}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {yesNo ? (
            <Form.Item label={t("votes.form.options")} required>
              <Flex gap={8}>
                <Tag color="green">赞成</Tag>
                <Tag color="red">反对</Tag>
                <Tag>弃权</Tag>
              </Flex>
              <Typography.Text type="secondary">{t("votes.form.yesNoOptions")}</Typography.Text>
            </Form.Item>
          ) : (
            <OptionsEditor budget={ballotType === "BUDGET"} onImport={picked?.round ? importProjects : undefined} />
          )}
          {ballotType === "MULTIPLE_CHOICE" && (
            <Form.Item
              name="maxChoices"
              label={t("votes.form.maxChoices")}
              rules={[
                { required: true, message: t("votes.form.maxChoicesRequired") },
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    value == null || (value >= 1 && value <= (getFieldValue("options") as OptionRow[]).length)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("votes.form.maxChoicesRange"))),
                }),
              ]}
            >
              <InputNumber min={1} precision={0} suffix={t("votes.form.items")} />
            </Form.Item>
          )}
          {ballotType === "BUDGET" && (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="budgetYuan"
                  label={t("votes.form.budget")}
                  extra={t("votes.form.budgetHint")}
                  dependencies={["maxChoices"]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, value: number | null) =>
                        value != null || getFieldValue("maxChoices") != null
                          ? Promise.resolve()
                          : Promise.reject(new Error(t("votes.form.budgetRequired"))),
                    }),
                  ]}
                >
                  <InputNumber min={1} precision={2} prefix="¥" style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="maxChoices"
                  label={t("votes.form.maxProjects")}
                  extra={t("votes.form.maxProjectsHint")}
                >
                  <InputNumber min={1} precision={0} suffix={t("votes.form.items")} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Card>

        <Card title={t("votes.form.sectionElectorate")} className="section-card">
          <Form.Item name="electorate" required label={t("votes.form.electorate")}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: "AREA", label: t("votes.form.electorateArea") },
                { value: "COUNCIL", label: t("votes.form.electorateCouncil") },
              ]}
            />
          </Form.Item>
          {electorate === "AREA" ? (
            <>
              <Form.Item
                name="areaId"
                label={t("votes.form.area")}
                extra={t("votes.form.areaHint", { name: picked?.areaName ?? t("votes.form.subjectArea") })}
              >
                <AreaSelect
                  roots={scope.roots}
                  allowClear
                  placeholder={t("votes.form.areaDefault", { name: picked?.areaName ?? t("votes.form.subjectArea") })}
                  aria-label={t("votes.form.area")}
                />
              </Form.Item>
              <Form.Item name="countingUnit" required label={t("votes.form.countingUnit")}>
                <Radio.Group className="stacked-radios">
                  <Radio value="RESIDENT">
                    <span className="radio-title">{t("votes.countingUnit.RESIDENT")}</span>
                    <span className="radio-hint">{t("votes.form.unitResidentHint")}</span>
                  </Radio>
                  <Radio value="HOUSEHOLD">
                    <span className="radio-title">{t("votes.countingUnit.HOUSEHOLD")}</span>
                    <span className="radio-hint">{t("votes.form.unitHouseholdHint")}</span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="councilId"
              label={t("votes.form.council")}
              extra={t("votes.form.councilHint")}
              rules={[{ required: true, message: t("votes.form.councilRequired") }]}
            >
              <Select
                loading={councils.fetching}
                options={councilOptions.map((c) => ({ value: c.id, label: c.name }))}
                placeholder={t("votes.form.chooseCouncil")}
              />
            </Form.Item>
          )}
        </Card>

        <Card title={t("votes.form.sectionRules")} className="section-card">
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="opensAt" label={t("votes.form.opensAt")} extra={t("votes.form.opensAtHint")}>
                <Input type="datetime-local" aria-label={t("votes.form.opensAt")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="closesAt"
                label={t("votes.form.closesAt")}
                extra={t("votes.form.closesAtHint")}
                dependencies={["opensAt"]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) => {
                      if (!value) return Promise.resolve();
                      if (Date.parse(value) <= Date.now())
                        return Promise.reject(new Error(t("votes.form.closesInPast")));
                      const opens = getFieldValue("opensAt") as string | undefined;
                      if (opens && Date.parse(opens) >= Date.parse(value))
                        return Promise.reject(new Error(t("votes.form.closesBeforeOpens")));
                      return Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input type="datetime-local" aria-label={t("votes.form.closesAt")} />
              </Form.Item>
            </Col>
          </Row>
          {yesNo && (
            <Form.Item
              name="threshold"
              required
              label={t("votes.form.threshold")}
              dependencies={["countingUnit", "ballotType", "electorate"]}
              rules={[
                {
                  validator: (_, value: ThresholdRule) =>
                    value !== "CIVIL_CODE_278" || householdYesNo
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("votes.form.civilCodeNeeds"))),
                },
              ]}
            >
              <Radio.Group className="stacked-radios">
                {THRESHOLDS.map((rule) => (
                  <Radio key={rule} value={rule} disabled={rule === "CIVIL_CODE_278" && !householdYesNo}>
                    <span className="radio-title">{t(`votes.threshold.${rule}`)}</span>
                    <span className="radio-hint">{t(`votes.thresholdHint.${rule}`)}</span>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          )}
          {yesNo && !householdYesNo && (
            <Typography.Paragraph type="secondary" className="form-note">
              {t("votes.form.civilCodeNeeds")}
            </Typography.Paragraph>
          )}
          {threshold === "CIVIL_CODE_278" && householdYesNo && (
            <Alert type="info" showIcon className="form-note" title={t("votes.form.civilCodeExplain")} />
          )}
          {!yesNo && (
            <Typography.Paragraph type="secondary" className="form-note">
              {t(`votes.ruleFor.${ballotType}`)}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="quorumPercent"
            required
            label={t("votes.form.quorum")}
            extra={t("votes.form.quorumHint")}
            rules={[{ type: "number", min: 0, max: 100, message: t("votes.form.quorumRange") }]}
          >
            <InputNumber min={0} max={100} precision={0} suffix="%" />
          </Form.Item>
          <Form.Item
            name="secret"
            required
            valuePropName="checked"
            label={t("votes.form.secret")}
            extra={t("votes.form.secretHint")}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="sealed"
            required
            valuePropName="checked"
            label={t("votes.form.sealed")}
            extra={secret ? t("votes.form.sealedBySecret") : t("votes.form.sealedHint")}
          >
            <Switch disabled={secret} />
          </Form.Item>
        </Card>

        <FormFailure failure={failure} />
        <Flex gap={8} wrap className="form-actions">
          <Button type="primary" htmlType="submit" loading={state.fetching}>
            {t("votes.form.submit")}
          </Button>
          <Button onClick={() => void navigate("/organise/votes")}>{t("common.cancel")}</Button>
        </Flex>
        <Typography.Paragraph type="secondary" className="privacy-note">
          {t("votes.form.draftNote")}
        </Typography.Paragraph>
      </Form>
    </Page>
  );
}

function OptionsEditor({ budget, onImport }: { budget: boolean; onImport?: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, rows: OptionRow[]) => {
            if (!rows || rows.length < 2) throw new Error(t("votes.form.twoOptions"));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="options-editor">
          <Flex justify="space-between" align="center" wrap gap={8} className="options-head">
            <Typography.Text strong>{budget ? t("votes.form.projects") : t("votes.form.options")}</Typography.Text>
            {onImport && (
              <Button icon={<ImportOutlined />} onClick={onImport} size="middle">
                {t("votes.form.importProjects")}
              </Button>
            )}
          </Flex>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" className="option-row">
              <Form.Item
                name={[field.name, "label"]}
                className="option-label"
                rules={[
                  { required: true, whitespace: true, message: t("votes.form.optionRequired") },
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) => {
                      const labels = (getFieldValue("options") as OptionRow[]).map((o) => o.label?.trim());
                      return value && labels.filter((l) => l === value.trim()).length > 1
                        ? Promise.reject(new Error(t("votes.form.optionDuplicate")))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input
                  placeholder={t("votes.form.optionPlaceholder", { n: index + 1 })}
                  aria-label={t("votes.form.optionN", { n: index + 1 })}
                />
              </Form.Item>
              {budget && (
                <Form.Item
                  name={[field.name, "costYuan"]}
                  className="option-cost"
                  rules={[{ required: true, message: t("votes.form.costRequired") }]}
                >
                  <InputNumber
                    min={0.01}
                    precision={2}
                    prefix="¥"
                    placeholder={t("votes.form.cost")}
                    aria-label={t("votes.form.costN", { n: index + 1 })}
                    style={{ width: "100%" }}
                  />
                </Form.Item>
              )}
              <Button
                icon={<DeleteOutlined />}
                aria-label={t("votes.form.removeOption", { n: index + 1 })}
                onClick={() => remove(field.name)}
                disabled={fields.length <= 2}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({ label: "" })} className="add-row-button">
            {budget ? t("votes.form.addProject") : t("votes.form.addOption")}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
