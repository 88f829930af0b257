import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function MySuggestionsPage() {
  return <Page title="我的建议">{null}</Page>;
}
