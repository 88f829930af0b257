import { TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { graphql } from "../gql";
import type { AreaTreeNodeFragment } from "../gql/graphql";

const AreaSelectChildrenDocument = graphql(`
  query AreaSelectChildren($id: ID!) {
    area(id: $id) {
      id
      children {
        ...AreaTreeNode
      }
    }
  }
`);

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  kind: string;
}

interface AreaSelectProps {
  roots: readonly AreaTreeNodeFragment[];
  value?: string | null;
  onChange?(value: string | null): void;
  /** Told the kind of the area chosen (e.g. to default a related field). */
  onPickKind?(kind: string): void;
  /** Only these kinds may be chosen (others can still be opened). */
  selectableKinds?: readonly string[];
  /** Do not open areas of these kinds. */
  leafKinds?: readonly string[];
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  "aria-label"?: string;
}

/** Picks an area under the given roots, loading each level when opened. Works inside antd Form. */
export function AreaSelect({
  roots,
  value,
  onChange,
  onPickKind,
  selectableKinds,
  leafKinds = ["BUILDING"],
  placeholder,
  allowClear,
  id,
  ...rest
}: AreaSelectProps) {
  const { t } = useTranslation();
  const client = useClient();
  const toNode = (area: AreaTreeNodeFragment, parentId: string | null): Node => ({
    id: area.id,
    pId: parentId,
    value: area.id,
    title: `${area.name}（${t(`areaKind.${area.kind}`)}）`,
    isLeaf: area.childCount === 0 || leafKinds.includes(area.kind),
    selectable: !selectableKinds || selectableKinds.includes(area.kind),
    kind: area.kind,
  });
  const [nodes, setNodes] = useState<Node[]>([]);
  const rootKey = roots.map((r) => r.id).join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the set of roots changes, not on every render
  useEffect(() => {
    setNodes(roots.map((root) => toNode(root, null)));
  }, [rootKey, t]);

  const loadData = async (node: { value?: string | number }) => {
    const parentId = String(node.value);
    if (nodes.some((n) => n.pId === parentId)) return;
    const result = await client.query(AreaSelectChildrenDocument, { id: parentId }).toPromise();
    const children = result.data?.area?.children ?? [];
    setNodes((current) => [
      ...current,
      ...children.filter((c) => !current.some((n) => n.id === c.id)).map((c) => toNode(c, parentId)),
    ]);
  };

  return (
    <TreeSelect
      id={id}
      aria-label={rest["aria-label"]}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={value ?? undefined}
      onChange={(next) => {
        const id = (next as string | undefined) ?? null;
        onChange?.(id);
        const kind = nodes.find((n) => n.id === id)?.kind;
        if (kind) onPickKind?.(kind);
      }}
      placeholder={placeholder ?? t("areas.choose")}
      allowClear={allowClear}
      showSearch={false}
      style={{ width: "100%" }}
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
    />
  );
}
