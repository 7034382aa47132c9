import { createHash } from "node:crypto";

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function isValidClientId(value: string): boolean {
  return CLIENT_ID.test(value);
}

/** A digest of what a retried write carries, so a replay can be told from a reuse of its clientId. */
export function contentHash(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}
