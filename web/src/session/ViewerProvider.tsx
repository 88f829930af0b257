import { App, Button, Result, Spin } from "antd";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../gql";
import type { ViewerQuery } from "../gql/graphql";
import { languageFromLocale, localeFromLanguage } from "../i18n";
import { usePreferences } from "./preferences";
import { useSession } from "./SessionProvider";

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      signedIn
      isStaff
      isVerifiedResident
      account {
        id
        displayName
        phone
        realName
        locale
        largeText
      }
      roles {
        id
        role
        grantedAt
        area {
          ...AreaTreeNode
        }
        council {
          id
          name
        }
        department {
          id
          name
        }
        post {
          id
          name
        }
      }
      memberships {
        ...MyMembership
      }
    }
  }
`);

export const MyMembershipFragment = graphql(`
  fragment MyMembership on HouseholdMember {
    id
    status
    isAdult
    requestedAt
    decidedAt
    decisionNote
    household {
      id
      unit
      floorAreaSqm
      building {
        id
        name
        ancestors {
          id
          name
          kind
        }
      }
    }
  }
`);

const ViewerChangedDocument = graphql(`
  subscription ViewerChanged {
    viewerChanged {
      reason
      subjectId
    }
  }
`);

const SaveProfilePreferencesDocument = graphql(`
  mutation SaveProfilePreferences($locale: Locale, $largeText: Boolean) {
    updateMyProfile(locale: $locale, largeText: $largeText) {
      __typename
      ... on MutationUpdateMyProfileSuccess {
        data {
          id
          locale
          largeText
        }
      }
    }
  }
`);

export type Viewer = ViewerQuery["viewer"];
export type ViewerRole = Viewer["roles"][number];

interface ViewerContextValue {
  viewer: Viewer;
  refetch(): void;
}

const ViewerContext = createContext<ViewerContextValue | null>(null);

export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error("useViewer outside ViewerProvider");
  return value;
}

/** Who is signed in, kept live: the server says when roles, households or notifications change. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ViewerDocument });
  const viewer = data?.viewer;
  const signedIn = Boolean(viewer?.signedIn);

  useSubscription({ query: ViewerChangedDocument, pause: !signedIn });

  useEffect(() => session.onReconnected(() => reexecute({ requestPolicy: "network-only" })), [session, reexecute]);

  // The session ended elsewhere (expired, signed out on another device, account disabled): start
  // over signed out and send the person to sign in, saying why, then back to where they were.
  // Only from a signed-in state, never a loop.
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const signedInRef = useRef(signedIn);
  signedInRef.current = signedIn;
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;
  useEffect(
    () =>
      session.onUnauthenticated(() => {
        if (!signedInRef.current) return;
        signedInRef.current = false;
        session.restart();
        message.warning(t("auth.sessionEnded"));
        void navigate("/sign-in", { replace: true, state: { from: pathRef.current } });
      }),
    [session, message, navigate, t],
  );

  useProfilePreferences(viewer);

  if (!viewer) {
    if (fetching || !error) {
      return (
        <div className="page-loading" role="status">
          <Spin size="large" />
        </div>
      );
    }
    return (
      <Result
        status="warning"
        title={t("common.loadFailed")}
        subTitle={t("common.checkNetwork")}
        extra={
          <Button type="primary" size="large" onClick={() => reexecute({ requestPolicy: "network-only" })}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }

  return (
    <ViewerContext.Provider value={{ viewer, refetch: () => reexecute({ requestPolicy: "network-only" }) }}>
      {children}
    </ViewerContext.Provider>
  );
}

/**
 * On sign-in the profile's language and text size follow the person to this device — unless they
 * chose differently on this device just before signing in, in which case that choice is saved.
 */
function useProfilePreferences(viewer: Viewer | undefined) {
  const preferences = usePreferences();
  const [, save] = useMutation(SaveProfilePreferencesDocument);
  const syncedAccount = useRef<string | null>(null);
  const account = viewer?.account;

  useEffect(() => {
    if (!account) {
      syncedAccount.current = null;
      return;
    }
    if (syncedAccount.current === account.id) return;
    syncedAccount.current = account.id;
    if (preferences.hasPendingChoice()) {
      preferences.clearPendingChoice();
      const locale = localeFromLanguage(preferences.language);
      if (account.locale !== locale || account.largeText !== preferences.largeText) {
        void save({ locale, largeText: preferences.largeText });
      }
      return;
    }
    preferences.setPreferences({
      ...(account.locale ? { language: languageFromLocale(account.locale) } : {}),
      ...(account.largeText !== null ? { largeText: account.largeText } : {}),
    });
  }, [account, preferences, save]);
}
