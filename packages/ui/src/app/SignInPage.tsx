import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigation } from "react-router";
import { DevUserList } from "../DevSignIn";
import { EmptyState, Notice } from "../Feedback";
import { AuthLayout, Brand } from "../Shell";
import { LocaleSwitcher } from "./LocaleSwitcher";

export interface SignInUser {
  id: string;
  name: string;
  email: string;
  detail: string;
}

/**
 * Dev sign-in: lists the API's dev users (one POST form each); when dev sign-in is off
 * (Clerk configured) it says so instead.
 */
export function SignInPage(props: {
  appName: string;
  title: string;
  subtitle: string;
  enabled: boolean;
  users: SignInUser[];
  redirectTo: string;
  error?: string | null;
  footer?: ReactNode;
}) {
  const { t } = useTranslation("common");
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData ? String(navigation.formData.get("userId")) : null;
  return (
    <AuthLayout
      brand={<Brand name={t("brand")} app={props.appName} />}
      corner={<LocaleSwitcher />}
      footer={props.footer}
    >
      <title>{`${t("actions.signIn")} · ${props.appName} · ${t("brand")}`}</title>
      <h1 className="cf-auth__title">{props.title}</h1>
      <p className="cf-auth__subtitle">{props.subtitle}</p>
      <div className="cf-stack cf-stack--sm" style={{ marginTop: 24 }}>
        {props.error ? (
          <Notice tone="danger" role="alert" title={t("signIn.failed")}>
            {props.error}
          </Notice>
        ) : null}
        {props.enabled ? (
          <Notice tone="info" title={t("signIn.devBadge")}>
            {t("signIn.devNote")}
          </Notice>
        ) : (
          <Notice tone="warning" title={t("signIn.disabledTitle")}>
            {t("signIn.disabledBody")}
          </Notice>
        )}
      </div>
      {props.enabled && props.users.length > 0 ? (
        <>
          <p className="cf-section-label">{t("signIn.pickUser")}</p>
          <DevUserList
            users={props.users}
            redirectTo={props.redirectTo}
            pending={pending}
            continueLabel={(name) => t("signIn.continueAs", { name })}
          />
        </>
      ) : null}
      {props.enabled && props.users.length === 0 ? (
        <EmptyState compact icon="user" title={t("signIn.noUsersTitle")} body={t("signIn.noUsersBody")} />
      ) : null}
    </AuthLayout>
  );
}
