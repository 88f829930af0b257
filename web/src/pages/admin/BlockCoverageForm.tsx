import { App, Button, Form, TreeSelect, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";

const BlockCoverageDocument = graphql(`
  query BlockCoverage($id: ID!) {
    area(id: $id) {
      id
      coveredAreas {
        id
        name
        kind
      }
      parent {
        id
        children {
          id
          name
          kind
          children {
            id
            name
            kind
          }
        }
      }
    }
  }
`);

const SetBlockCoverageDocument = graphql(`
  mutation SetBlockCoverage($blockId: ID!, $areaIds: [ID!]!) {
    setBlockCoverage(blockId: $blockId, areaIds: $areaIds) {
      __typename
      ... on MutationSetBlockCoverageSuccess {
        data {
          id
          coveredAreas {
            id
            name
            kind
          }
        }
      }
      ...Failure
    }
  }
`);

/**
 * 街区覆盖范围: which 居民区 and 小区 of the street a block covers. A block has no households; the
 * residents of what it covers are its residents (the server counts them so for councils and votes).
 */
export function BlockCoverageForm({ blockId }: { blockId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ areaIds: string[] }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: BlockCoverageDocument, variables: { id: blockId } });
  const [state, save] = useAppMutation(SetBlockCoverageDocument);
  const block = data?.area;

  // The street's 居民区, each with its 小区: a block covers whole 居民区 or single 小区.
  const treeData = (block?.parent?.children ?? [])
    .filter((area) => area.kind === "NEIGHBOURHOOD")
    .map((neighbourhood) => ({
      value: neighbourhood.id,
      title: `${neighbourhood.name}（${t("areaKind.NEIGHBOURHOOD")}）`,
      children: neighbourhood.children
        .filter((area) => area.kind === "COMPOUND")
        .map((compound) => ({ value: compound.id, title: `${compound.name}（${t("areaKind.COMPOUND")}）` })),
    }));

  const submit = async ({ areaIds }: { areaIds: string[] }) => {
    setFailure(null);
    const outcome = await save({ blockId, areaIds: areaIds ?? [] });
    if (outcome.error) setFailure(showOnForm(form, outcome.error, ["areaIds"]) ? null : outcome.error);
    else message.success(t("adminAreas.coverageSaved"));
  };

  return (
    <QueryState
      fetching={fetching}
      error={error}
      hasData={Boolean(block)}
      onRetry={() => reexecute({ requestPolicy: "network-only" })}
    >
      {block && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ areaIds: block.coveredAreas.map((area) => area.id) }}
          onValuesChange={() => setFailure(null)}
          className="block-coverage-form"
        >
          <Typography.Paragraph type="secondary">{t("adminAreas.coverageLead")}</Typography.Paragraph>
          {block.coveredAreas.length === 0 && (
            <Typography.Paragraph type="warning">{t("adminAreas.coverageNone")}</Typography.Paragraph>
          )}
          <Form.Item name="areaIds" label={t("adminAreas.coverageAreas")}>
            <TreeSelect
              multiple
              treeData={treeData}
              treeDefaultExpandAll
              allowClear
              showSearch
              treeNodeFilterProp="title"
              placeholder={t("adminAreas.coveragePlaceholder")}
              aria-label={t("adminAreas.coverageAreas")}
              style={{ width: "100%" }}
            />
          </Form.Item>
          <FormFailure failure={failure} />
          <Button type="primary" htmlType="submit" loading={state.fetching}>
            {t("adminAreas.coverageSave")}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
