import { Alert, Button, Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { failureFromCombinedError } from "../graphql/outcome";
import { useDescribeFailure } from "./failure";

interface QueryStateProps {
  fetching: boolean;
  error?: CombinedError;
  /** Whether there is data to show at all (false while the first load runs). */
  hasData: boolean;
  /** True when loaded and there is nothing to list. */
  empty?: boolean;
  emptyText?: ReactNode;
  emptyAction?: ReactNode;
  onRetry?: () => void;
  rows?: number;
  children: ReactNode;
}

/** Loading, failure and empty states, the same way on every page. */
export function QueryState({
  fetching,
  error,
  hasData,
  empty,
  emptyText,
  emptyAction,
  onRetry,
  rows = 3,
  children,
}: QueryStateProps) {
  const { t } = useTranslation();
  const describe = useDescribeFailure();
  if (!hasData) {
    if (error) {
      return (
        <Alert
          type="error"
          showIcon
          title={t("common.loadFailed")}
          description={describe(failureFromCombinedError(error))}
          action={
            onRetry && (
              <Button onClick={onRetry} size="small">
                {t("common.retry")}
              </Button>
            )
          }
        />
      );
    }
    if (fetching) return <Skeleton active paragraph={{ rows }} />;
  }
  if (empty) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t("common.empty")}>
        {emptyAction}
      </Empty>
    );
  }
  return <>{children}</>;
}
