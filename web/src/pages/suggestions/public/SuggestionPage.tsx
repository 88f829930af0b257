import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function SuggestionPage() {
  return <Page title="意见建议">{null}</Page>;
}
