import { SearchOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Form, Input, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { addressOf } from "../../components/format";
import { graphql } from "../../gql";
import type { AreaTreeNodeFragment } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { RequestMembershipDocument } from "./documents";
import { HouseholdField } from "./HouseholdField";

const PickerTopDocument = graphql(`
  query PickerTop {
    areas {
      ...AreaTreeNode
    }
  }
`);

const PickerChildrenDocument = graphql(`
  query PickerChildren($id: ID!) {
    area(id: $id) {
      id
      children {
        ...AreaTreeNode
      }
    }
  }
`);

const SearchCompoundsDocument = graphql(`
  query SearchCompounds($text: String!) {
    searchAreas(text: $text, kind: COMPOUND) {
      ...AreaTreeNode
      ancestors {
        ...AreaTreeNode
      }
    }
  }
`);

/** Where people live: 街道 → 居民区 → 小区 → 楼栋 (街区 are for councils, not addresses). */
const HOME_KINDS = ["DISTRICT", "STREET", "NEIGHBOURHOOD", "COMPOUND", "BUILDING"];

interface PickerValues {
  householdId: string;
  isAdult: boolean;
}

/** Choose one's household step by step (or find the compound by name) and ask to be verified. */
export function HouseholdPicker({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PickerValues>();
  const showOnForm = useShowFailureOnForm();
  const [chain, setChain] = useState<AreaTreeNodeFragment[]>([]);
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, request] = useAppMutation(RequestMembershipDocument);
  const last = chain[chain.length - 1];
  const building = last?.kind === "BUILDING" ? last : null;

  const choose = (level: number, area: AreaTreeNodeFragment) => {
    setChain((current) => [...current.slice(0, level), area]);
    form.resetFields(["householdId"]);
    setFailure(null);
  };

  const levels = [null, ...chain.filter((a) => a.kind !== "BUILDING").map((a) => a.id)];

  const submit = async (values: PickerValues) => {
    setFailure(null);
    const outcome = await request({ householdId: values.householdId, isAdult: values.isAdult });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["householdId", "isAdult"]) ? null : outcome.error);
      return;
    }
    message.success(t("myHome.requested"));
    form.resetFields();
    setChain([]);
    onDone?.();
  };

  return (
    <Card
      className="household-picker"
      title={t("myHome.pickTitle")}
      extra={
        onCancel && (
          <Button type="link" onClick={onCancel}>
            {t("myHome.cancelPick")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("myHome.pickLead")}</Typography.Paragraph>
      <CompoundSearch onPick={(compound) => setChain([...compound.ancestors, compound])} />
      <Form<PickerValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ isAdult: true }}
        size="large"
        requiredMark={false}
      >
        {levels.map((parentId, index) => (
          <AreaLevel
            key={parentId ?? "top"}
            parentId={parentId}
            value={chain[index]?.id ?? null}
            onChange={(area) => choose(index, area)}
          />
        ))}
        {building && (
          <>
            <HouseholdField
              buildingId={building.id}
              label={t("myHome.unit")}
              requiredMessage={t("myHome.unitRequired")}
              placeholder={t("myHome.unitPlaceholder")}
              emptyText={t("myHome.noUnits")}
              extra={t("myHome.unitMissing")}
            />
            <Form.Item name="isAdult" valuePropName="checked">
              <Checkbox>{t("myHome.isAdult")}</Checkbox>
            </Form.Item>
            <FormFailure failure={failure} />
            <Button type="primary" htmlType="submit" block loading={state.fetching}>
              {t("myHome.submit")}
            </Button>
          </>
        )}
      </Form>
    </Card>
  );
}

function AreaLevel({
  parentId,
  value,
  onChange,
}: {
  parentId: string | null;
  value: string | null;
  onChange(area: AreaTreeNodeFragment): void;
}) {
  const { t } = useTranslation();
  const [top] = useQuery({ query: PickerTopDocument, pause: parentId !== null });
  const [children] = useQuery({
    query: PickerChildrenDocument,
    variables: { id: parentId ?? "" },
    pause: parentId === null,
  });
  const result = parentId === null ? top : children;
  const raw = parentId === null ? top.data?.areas : children.data?.area?.children;
  const options = (raw ?? []).filter((a) => HOME_KINDS.includes(a.kind) && (a.kind === "BUILDING" || a.childCount > 0));
  const only = options.length === 1 ? options[0] : undefined;

  // A level with a single choice (the district, the street) is chosen for the person.
  useEffect(() => {
    if (only && value !== only.id) onChange(only);
  }, [only, value, onChange]);

  const kind = options[0]?.kind;
  const label = kind ? t(`areaKind.${kind}`) : t("myHome.level");
  if (result.fetching && !raw)
    return (
      <Form.Item label={t("common.loading")}>
        <Select loading disabled />
      </Form.Item>
    );
  if (result.error && !raw) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  if (options.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("myHome.nothingHere")} />;
  }
  if (only) {
    // Nothing to choose: say where we are in one line instead of a dead input.
    return (
      <Typography.Paragraph className="picker-fixed-level">
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {only.name}
      </Typography.Paragraph>
    );
  }
  return (
    <Form.Item label={label} required>
      <Select
        value={value ?? undefined}
        placeholder={t("myHome.choose", { kind: label })}
        showSearch={{ optionFilterProp: "label" }}
        options={options.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(id: string) => {
          const area = options.find((a) => a.id === id);
          if (area) onChange(area);
        }}
        aria-label={label}
      />
    </Form.Item>
  );
}

type CompoundHit = AreaTreeNodeFragment & { ancestors: AreaTreeNodeFragment[] };

function CompoundSearch({ onPick }: { onPick(compound: CompoundHit): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [{ data, fetching }] = useQuery({
    query: SearchCompoundsDocument,
    variables: { text },
    pause: text.trim().length === 0,
  });
  const hits = text.trim() ? (data?.searchAreas ?? []) : [];
  return (
    <div className="compound-search">
      <Input.Search
        allowClear
        enterButton={<SearchOutlined aria-label={t("common.search")} />}
        placeholder={t("myHome.searchPlaceholder")}
        aria-label={t("myHome.searchPlaceholder")}
        loading={fetching}
        onSearch={(value) => setText(value.trim())}
        size="large"
      />
      {text && !fetching && hits.length === 0 && (
        <Typography.Paragraph type="secondary">{t("myHome.searchNone")}</Typography.Paragraph>
      )}
      {hits.length > 0 && (
        <Flex vertical gap={8} className="search-hits">
          {hits.map((hit) => (
            <Button
              key={hit.id}
              block
              className="search-hit"
              onClick={() => {
                onPick(hit);
                setText("");
              }}
            >
              <span className="search-hit-name">{hit.name}</span>
              <Typography.Text type="secondary">{addressOf(hit.ancestors)}</Typography.Text>
            </Button>
          ))}
        </Flex>
      )}
    </div>
  );
}
