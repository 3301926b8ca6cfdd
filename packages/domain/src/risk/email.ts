/**
 * The mailbox an email address delivers to, for comparing orders: lower case, "+tag"
 * sub-addressing removed, and Gmail's ignored dots dropped. "Ann.Lee+shop@GoogleMail.com"
 * and "annlee@gmail.com" are the same buyer.
 */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1 || at === trimmed.length - 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, "");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

export function emailDomain(normalizedEmail: string): string {
  const at = normalizedEmail.lastIndexOf("@");
  return at < 0 ? "" : normalizedEmail.slice(at + 1);
}

/** Whether a domain is the denied domain itself or one of its subdomains. */
export function domainMatches(domain: string, denied: string): boolean {
  return domain === denied || domain.endsWith(`.${denied}`);
}
