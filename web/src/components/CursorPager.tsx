import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

/** Cursor paging with a back stack: holds for any list length, and refetching a page stays exact. */
export function useCursorPages(pageSize = 20) {
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((stack) => [...stack, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return {
    first: pageSize,
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    pageSize,
    next,
    previous,
    reset,
  };
}

interface CursorPagerProps {
  page: number;
  pageSize: number;
  total?: number | null;
  hasNext: boolean;
  onNext(): void;
  onPrevious(): void;
}

export function CursorPager({ page, pageSize, total, hasNext, onNext, onPrevious }: CursorPagerProps) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) {
    return total != null ? (
      <Typography.Text type="secondary">{t("pager.total", { count: total })}</Typography.Text>
    ) : null;
  }
  const pages = total != null ? Math.max(1, Math.ceil(total / pageSize)) : null;
  return (
    <Flex align="center" justify="space-between" gap={12} wrap className="cursor-pager">
      <Button icon={<LeftOutlined />} disabled={page === 1} onClick={onPrevious}>
        {t("pager.previous")}
      </Button>
      <Typography.Text type="secondary" aria-live="polite">
        {pages != null ? t("pager.pageOf", { page, pages, count: total ?? 0 }) : t("pager.page", { page })}
      </Typography.Text>
      <Button icon={<RightOutlined />} iconPlacement="end" disabled={!hasNext} onClick={onNext}>
        {t("pager.next")}
      </Button>
    </Flex>
  );
}

/** The pager under a relay connection's page: nothing until the page has arrived. */
export function ConnectionPager({
  pages,
  pageInfo,
  total = null,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  total?: number | null;
}) {
  if (!pageInfo) return null;
  return (
    <CursorPager
      page={pages.page}
      pageSize={pages.pageSize}
      total={total}
      hasNext={pageInfo.hasNextPage}
      onNext={() => pages.next(pageInfo.endCursor)}
      onPrevious={pages.previous}
    />
  );
}
