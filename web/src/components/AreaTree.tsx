import { CaretDownOutlined, CaretRightOutlined, LoadingOutlined } from "@ant-design/icons";
import { Button, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { AreaTreeNodeFragment } from "../gql/graphql";

export const AreaTreeNodeFragmentDoc = graphql(`
  fragment AreaTreeNode on Area {
    id
    name
    kind
    childCount
  }
`);

const AreaChildrenDocument = graphql(`
  query AreaChildren($id: ID!) {
    area(id: $id) {
      id
      children {
        ...AreaTreeNode
      }
    }
  }
`);

interface AreaTreeProps {
  roots: readonly AreaTreeNodeFragment[];
  selectedId?: string | null;
  onSelect(area: AreaTreeNodeFragment): void;
  /** Stop descending at this kind (e.g. the public browser does not list buildings). */
  leafKinds?: readonly string[];
  /** Ids opened at first render. */
  initiallyExpanded?: readonly string[];
}

/**
 * The area tree, loaded one level at a time (a disclosure list: a toggle per level, a button to choose). Each level is its own query, so when staff add an
 * area the cache drops that parent's children and the tree refreshes by itself.
 */
export function AreaTree({ roots, selectedId, onSelect, leafKinds = [], initiallyExpanded = [] }: AreaTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initiallyExpanded));
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ul className="area-tree">
      {roots.map((area) => (
        <AreaNode
          key={area.id}
          area={area}
          depth={0}
          expanded={expanded}
          toggle={toggle}
          selectedId={selectedId}
          onSelect={onSelect}
          leafKinds={leafKinds}
        />
      ))}
    </ul>
  );
}

interface AreaNodeProps {
  area: AreaTreeNodeFragment;
  depth: number;
  expanded: ReadonlySet<string>;
  toggle(id: string): void;
  selectedId?: string | null;
  onSelect(area: AreaTreeNodeFragment): void;
  leafKinds: readonly string[];
}

function AreaNode({ area, depth, expanded, toggle, selectedId, onSelect, leafKinds }: AreaNodeProps) {
  const { t } = useTranslation();
  const canOpen = area.childCount > 0 && !leafKinds.includes(area.kind);
  const open = canOpen && expanded.has(area.id);
  const [{ data, fetching }] = useQuery({ query: AreaChildrenDocument, variables: { id: area.id }, pause: !open });
  const children = data?.area?.children ?? [];
  const selected = selectedId === area.id;

  return (
    <li>
      <div className={`area-tree-row${selected ? " is-selected" : ""}`} style={{ paddingInlineStart: depth * 20 }}>
        {canOpen ? (
          <Button
            type="text"
            className="area-tree-toggle"
            aria-expanded={open}
            aria-label={open ? t("areas.collapse", { name: area.name }) : t("areas.expand", { name: area.name })}
            icon={
              open && fetching && !data ? <LoadingOutlined /> : open ? <CaretDownOutlined /> : <CaretRightOutlined />
            }
            onClick={() => toggle(area.id)}
          />
        ) : (
          <span className="area-tree-toggle-spacer" />
        )}
        <button
          type="button"
          className="area-tree-label"
          aria-current={selected ? "true" : undefined}
          onClick={() => onSelect(area)}
        >
          <span className="area-tree-name">{area.name}</span>
          <Tag className="area-kind-tag" variant="filled">
            {t(`areaKind.${area.kind}`)}
          </Tag>
          {canOpen && <span className="area-tree-count">{t("areas.childCount", { count: area.childCount })}</span>}
        </button>
      </div>
      {open && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <AreaNode
              key={child.id}
              area={child}
              depth={depth + 1}
              expanded={expanded}
              toggle={toggle}
              selectedId={selectedId}
              onSelect={onSelect}
              leafKinds={leafKinds}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
