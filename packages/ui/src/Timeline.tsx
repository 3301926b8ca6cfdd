import type { ReactNode } from "react";
import type { Tone } from "./Badge";
import { cx } from "./cx";

export interface TimelineEntry {
  id: string;
  title: ReactNode;
  time: ReactNode;
  /** Machine-readable time for the <time> element. */
  dateTime?: string;
  body?: ReactNode;
  meta?: ReactNode;
  tone?: Tone;
}

/** Events, newest first; the first is marked as the latest. */
export function Timeline({ entries, empty, label }: { entries: TimelineEntry[]; empty?: ReactNode; label?: string }) {
  if (entries.length === 0) return <>{empty ?? null}</>;
  return (
    <ol className="cf-timeline" aria-label={label}>
      {entries.map((entry, index) => (
        <li
          key={entry.id}
          className={cx(
            "cf-timeline__item",
            index === 0 && "cf-timeline__item--latest",
            `cf-tone-${entry.tone ?? "neutral"}`,
          )}
        >
          <span className="cf-timeline__dot" />
          <div>
            <div className="cf-timeline__head">
              <span className="cf-timeline__title">{entry.title}</span>
              <time className="cf-timeline__time" dateTime={entry.dateTime}>
                {entry.time}
              </time>
            </div>
            {entry.body ? <p className="cf-timeline__body">{entry.body}</p> : null}
            {entry.meta ? <p className="cf-timeline__meta">{entry.meta}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
