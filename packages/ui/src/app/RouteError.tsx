import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { ButtonLink } from "../Button";
import { ErrorView } from "../Error";
import { Brand } from "../Shell";

/**
 * Error boundary content for app routes: a not-found page for 404s and a friendly
 * explanation (never a stack trace) for anything else.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);

  const code = t("errors.code", { status });
  const view =
    status === 404 ? (
      <ErrorView
        tone="neutral"
        code={code}
        title={t("errors.notFoundTitle")}
        body={t("errors.notFoundBody")}
        action={<ButtonLink to="/">{t("actions.backHome")}</ButtonLink>}
      />
    ) : status === 502 || status === 503 ? (
      <ErrorView
        tone="warning"
        code={code}
        title={t("errors.unavailableTitle")}
        body={t("errors.unavailableBody")}
        action={<ButtonLink to=".">{t("actions.retry")}</ButtonLink>}
      />
    ) : (
      <ErrorView
        tone="danger"
        code={code}
        title={t("errors.genericTitle")}
        body={t("errors.genericBody")}
        action={<ButtonLink to=".">{t("actions.retry")}</ButtonLink>}
      />
    );
  const title = (
    <title>{`${status === 404 ? t("errors.notFoundTitle") : t("errors.genericTitle")} · ${t("brand")}`}</title>
  );
  if (!standalone)
    return (
      <>
        {title}
        {view}
      </>
    );
  // Outside any layout (the root or the signed-in layout failed): keep the brand on the page.
  return (
    <div className="cf-auth">
      {title}
      <header className="cf-auth__top">
        <Brand name={t("brand")} />
      </header>
      <main id="main" className="cf-content">
        {view}
      </main>
    </div>
  );
}

/** For `export { RouteErrorBoundary as ErrorBoundary }` in route modules. */
export function RouteErrorBoundary() {
  return <RouteError />;
}
