import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function PublicBoardPage() {
  return <Page title="意见建议公开栏">{null}</Page>;
}
