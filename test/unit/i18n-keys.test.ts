/**
 * The back-office speaks Indonesian by default and English on request (issue 7): both message
 * files, and the message files of the screen sets loaded on demand (venues, complaints), must have
 * exactly the same keys, so that no screen falls back to a raw key or to the other language.
 */
import { enMessages } from "../../admin/src/providers/i18n/en";
import { idMessages } from "../../admin/src/providers/i18n/id";
import { enComplaintMessages, idComplaintMessages } from "../../admin/src/complaint/messages";
import { enVenueMessages, idVenueMessages } from "../../admin/src/venue/messages";

type Tree = { [key: string]: unknown };

/** Every leaf of a message tree as a dotted key (`app.venue.counters`). */
function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree as Tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

/** Leaves that are not a non-empty string. */
function emptyLeaves(tree: unknown, prefix = ""): string[] {
  if (typeof tree === "string") return tree.trim() === "" ? [prefix] : [];
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree as Tree).flatMap(([key, value]) => emptyLeaves(value, prefix ? `${prefix}.${key}` : key));
}

/** What one side has that the other lacks. */
function difference(id: unknown, en: unknown): { missingInEn: string[]; missingInId: string[] } {
  const idKeys = new Set(keysOf(id));
  const enKeys = new Set(keysOf(en));
  return {
    missingInEn: [...idKeys].filter((k) => !enKeys.has(k)).sort(),
    missingInId: [...enKeys].filter((k) => !idKeys.has(k)).sort(),
  };
}

const only = (messages: unknown, ...roots: string[]) =>
  Object.fromEntries(Object.entries(messages as Tree).filter(([key]) => roots.includes(key)));

describe("message files", () => {
  test("the comparison fails when a key is missing on either side", () => {
    const id = { app: { a: "satu", b: { c: "dua" } } };
    expect(difference(id, { app: { a: "one" } })).toEqual({ missingInEn: ["app.b.c"], missingInId: [] });
    expect(difference(id, { app: { a: "one", b: { c: "two" }, d: "three" } })).toEqual({ missingInEn: [], missingInId: ["app.d"] });
    expect(difference(id, { app: { a: "one", b: { c: "two" } } })).toEqual({ missingInEn: [], missingInId: [] });
  });

  test("id.ts and en.ts have exactly the same application keys (app, resources)", () => {
    const diff = difference(only(idMessages, "app", "resources"), only(enMessages, "app", "resources"));
    expect(diff).toEqual({ missingInEn: [], missingInId: [] });
    expect(keysOf(only(idMessages, "app", "resources")).length).toBeGreaterThan(500);
  });

  test("every react-admin message English has is translated into Indonesian", () => {
    const diff = difference(only(idMessages, "ra"), only(enMessages, "ra"));
    expect(diff.missingInId).toEqual([]);
  });

  test.each([
    ["venues", idVenueMessages, enVenueMessages],
    ["complaints", idComplaintMessages, enComplaintMessages],
  ])("the %s screens' Indonesian and English messages have exactly the same keys", (_name, id, en) => {
    expect(difference(id, en)).toEqual({ missingInEn: [], missingInId: [] });
    expect(keysOf(id).length).toBeGreaterThan(50);
  });

  test("the screen sets loaded on demand do not redefine a key of the main message files", () => {
    const main = new Set(keysOf(idMessages));
    const clashes = [...keysOf(idVenueMessages), ...keysOf(idComplaintMessages)].filter((k) => main.has(k));
    expect(clashes).toEqual([]);
  });

  test("no message is empty", () => {
    for (const messages of [only(idMessages, "app", "resources"), only(enMessages, "app", "resources"), idVenueMessages, enVenueMessages, idComplaintMessages, enComplaintMessages]) {
      expect(emptyLeaves(messages)).toEqual([]);
    }
  });
});
