import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function RecordSuggestionPage() {
  return <Page title="代录建议">{null}</Page>;
}
