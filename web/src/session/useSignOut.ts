import { App } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { useSession } from "./SessionProvider";

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Ends the session on the server, then starts over with an empty cache. */
export function useSignOut() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [, signOut] = useMutation(SignOutDocument);
  const session = useSession();
  const navigate = useNavigate();
  return useCallback(async () => {
    const resume = session.expectSignOut();
    const result = await signOut({});
    if (result.error) {
      resume();
      message.error(t("errors.NETWORK"));
      return;
    }
    await navigate("/");
    session.restart();
    message.success(t("auth.signedOut"));
  }, [signOut, session, navigate, message, t]);
}
