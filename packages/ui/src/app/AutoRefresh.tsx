import { useEffect } from "react";
import { useRevalidator } from "react-router";

/**
 * Reloads the page's data every few seconds while it is rendered, e.g. while an order is
 * moving through the pipeline: with JavaScript by revalidating the loaders, without it by a
 * meta refresh (React leaves a <meta> inside <noscript> where it is, and the browser only
 * reads it when scripting is off).
 */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const revalidator = useRevalidator();
  const idle = revalidator.state === "idle";
  useEffect(() => {
    if (!idle) return;
    const timer = setTimeout(() => void revalidator.revalidate(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [idle, seconds, revalidator]);
  return (
    <noscript>
      <meta httpEquiv="refresh" content={String(seconds)} />
    </noscript>
  );
}
