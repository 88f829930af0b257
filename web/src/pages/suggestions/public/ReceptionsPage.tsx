import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function ReceptionsPage() {
  return <Page title="代表接待日">{null}</Page>;
}
