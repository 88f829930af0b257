import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function SubmitSuggestionPage() {
  return <Page title="提建议">{null}</Page>;
}
