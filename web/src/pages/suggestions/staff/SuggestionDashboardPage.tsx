import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function SuggestionDashboardPage() {
  return <Page title="建议统计">{null}</Page>;
}
