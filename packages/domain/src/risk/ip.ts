export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface IpRange {
  version: 4 | 6;
  network: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are rejected: some parsers read "010" as octal, so its meaning is unclear.
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let body = text;
  const tail: bigint[] = [];
  if (body.includes(".")) {
    // A trailing dotted quad (::ffff:203.0.113.7) stands for the last two groups.
    const lastColon = body.lastIndexOf(":");
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    tail.push(v4 >> 16n, v4 & 0xffffn);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  if (![...head, ...rest].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const total = head.length + rest.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const groups = [
    ...head.map((g) => BigInt(`0x${g}`)),
    ...Array<bigint>(8 - total).fill(0n),
    ...rest.map((g) => BigInt(`0x${g}`)),
    ...tail,
  ];
  return groups.reduce((acc, group) => (acc << 16n) | group, 0n);
}

/**
 * An IPv4 or IPv6 address. Brackets and a zone ("%eth0") are ignored; an IPv4-mapped IPv6
 * address (::ffff:203.0.113.7) is read as the IPv4 address it carries.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const trimmed = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  if (!trimmed) return null;
  if (!trimmed.includes(":")) {
    const v4 = parseIpv4(trimmed);
    return v4 === null ? null : { version: 4, value: v4 };
  }
  const v6 = parseIpv6(trimmed);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/** An address ("203.0.113.7") or a CIDR block ("203.0.113.0/24", "2001:db8::/32"). */
export function parseIpRange(text: string): IpRange | null {
  const [addressText = "", prefixText, ...extra] = text.trim().split("/");
  if (extra.length > 0) return null;
  const address = parseIpAddress(addressText);
  if (!address) return null;
  const mappedFromV6 = address.version === 4 && addressText.includes(":");
  const bits = BITS[address.version];
  if (prefixText === undefined) return { version: address.version, network: address.value, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  let prefix = Number(prefixText);
  if (mappedFromV6) {
    if (prefix < 96 || prefix > 128) return null;
    prefix -= 96;
  }
  if (prefix > bits) return null;
  return { version: address.version, network: address.value, prefix };
}

export function ipInRange(address: IpAddress, range: IpRange): boolean {
  if (address.version !== range.version) return false;
  const shift = BigInt(BITS[range.version] - range.prefix);
  return address.value >> shift === range.network >> shift;
}
