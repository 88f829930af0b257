import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function TransferPage() {
  return <Page title="办理">{null}</Page>;
}
