import { randomBytes } from "node:crypto";
import { createSecretBox, type SecretBox } from "@crossflow/auth";
import type { AppDeps } from "./context";

const processBoxes = new WeakMap<AppDeps, SecretBox>();

/** The app's secret box; without one configured, a key that lives as long as the process. */
export function secretBoxOf(deps: AppDeps): SecretBox {
  if (deps.secretBox) return deps.secretBox;
  let box = processBoxes.get(deps);
  if (!box) {
    box = createSecretBox({ process: randomBytes(32) }, "process");
    processBoxes.set(deps, box);
  }
  return box;
}

/** Sealed credentials are bound to their tenant and connection. */
export const credentialsContext = (tenantId: string, connectionId: string) => `${tenantId}:${connectionId}`;

export function sealCredentials(
  box: SecretBox,
  tenantId: string,
  connectionId: string,
  secrets: Record<string, string>,
) {
  return box.seal(JSON.stringify(secrets), credentialsContext(tenantId, connectionId));
}

export function openCredentials(
  box: SecretBox,
  tenantId: string,
  connectionId: string,
  sealed: string,
): Record<string, string> {
  return JSON.parse(box.open(sealed, credentialsContext(tenantId, connectionId))) as Record<string, string>;
}
