import type { ReactNode } from "react";
import { Form } from "react-router";
import { Icon } from "./Icon";
import { Avatar } from "./Shell";

export interface DevUserChoice {
  id: string;
  name: string;
  detail: ReactNode;
}

/** One POST form per user, so choosing works without JavaScript. */
export function DevUserList({
  users,
  redirectTo,
  continueLabel,
  pending,
}: {
  users: DevUserChoice[];
  redirectTo: string;
  continueLabel: (name: string) => string;
  pending?: string | null;
}) {
  return (
    <ul className="cf-userlist">
      {users.map((user) => (
        <li key={user.id}>
          <Form method="post" replace>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button
              type="submit"
              className="cf-userpick"
              aria-label={continueLabel(user.name)}
              aria-busy={pending === user.id || undefined}
              disabled={Boolean(pending)}
            >
              <Avatar name={user.name} size="lg" />
              <span className="cf-userpick__text">
                <span className="cf-userpick__name">{user.name}</span>
                <span className="cf-userpick__meta" style={{ display: "block" }}>
                  {user.detail}
                </span>
              </span>
              <Icon name="chevronRight" />
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
