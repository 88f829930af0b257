import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function WorkbenchPage() {
  return <Page title="代表工作台">{null}</Page>;
}
