import type { ReactNode } from "react";
import { Link } from "react-router";
import { cx } from "./cx";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right" | "center";
  className?: string;
}

/**
 * A dense data table. With `rowLink`, the first column's content (or `linkColumn`'s) becomes a
 * link that covers the whole row (so rows are clickable without JavaScript); controls marked
 * `cf-above-row-link` stay clickable on top of it.
 */
export function DataTable<Row>(props: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowLink?: (row: Row) => { to: string; label: ReactNode };
  /** The key of the column that carries the row link; the first column by default. */
  linkColumn?: string;
  caption?: string;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const { columns, rows, rowKey, rowLink } = props;
  const linkColumn = props.linkColumn ?? columns[0]?.key;
  if (rows.length === 0 && props.empty) return <>{props.empty}</>;
  return (
    <div className="cf-table-wrap">
      <table className={cx("cf-table", rowLink && "cf-table--clickable")}>
        {props.caption ? <caption className="cf-visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.align && column.align !== "left" ? `cf-align-${column.align}` : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const link = rowLink?.(row);
            return (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={cx(
                      column.align && column.align !== "left" && `cf-align-${column.align}`,
                      column.className,
                    )}
                  >
                    {column.key === linkColumn && link ? (
                      <Link to={link.to} className="cf-row-link">
                        {link.label}
                      </Link>
                    ) : null}
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {props.footer ? <tfoot>{props.footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** Cursor pagination as plain links, so it works without JavaScript. */
export function Pager(props: {
  info?: ReactNode;
  previous?: { to: string; label: string } | null;
  next?: { to: string; label: string } | null;
  first?: { to: string; label: string } | null;
}) {
  return (
    <nav className="cf-pager" aria-label="Pagination">
      <span>{props.info}</span>
      <span className="cf-pager__links">
        {props.first ? (
          <Link className="cf-btn cf-btn--ghost cf-btn--sm" to={props.first.to}>
            {props.first.label}
          </Link>
        ) : null}
        {props.previous ? (
          <Link className="cf-btn cf-btn--sm" to={props.previous.to} rel="prev">
            ← {props.previous.label}
          </Link>
        ) : null}
        {props.next ? (
          <Link className="cf-btn cf-btn--sm" to={props.next.to} rel="next">
            {props.next.label} →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
