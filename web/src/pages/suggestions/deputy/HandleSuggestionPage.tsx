import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function HandleSuggestionPage() {
  return <Page title="办理建议">{null}</Page>;
}
