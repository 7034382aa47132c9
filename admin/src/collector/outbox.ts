import { useCallback, useEffect, useState } from "react";
import { classifyFailure, sendDeposit, sendReport } from "./collector-api";
import { outboxOf, pruneOutbox, putOutbox, type OutboxEntry } from "./device-store";

/**
 * Sends what the collector submitted, in the order submitted, whenever there is a connection: on
 * opening the page, when the browser says it is back online, every half minute while something
 * waits, and right after a submission. Each entry carries its clientId, and the server answers a
 * repeated clientId with what it stored the first time, so an answer lost on the way back costs a
 * retry, never a second report.
 */

export type Connection = "online" | "offline" | "signed-out";

const RETRY_MS = 30_000;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

let running: Promise<Connection> | null = null;
let queued: Promise<Connection> | null = null;

/**
 * One flush at a time in this tab, and (where the browser has Web Locks) across the device's tabs.
 * A call during a flush runs once more after it, so an entry added meanwhile is not left waiting.
 */
export function flushOutbox(userId: string): Promise<Connection> {
  if (running) {
    queued ??= running.then(() => {
      queued = null;
      return flushOutbox(userId);
    });
    return queued;
  }
  running = (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      return locks ? await locks.request("lapera-outbox", () => sendPending(userId)) : await sendPending(userId);
    } finally {
      notify();
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

async function sendPending(userId: string): Promise<Connection> {
  // With nothing to send, the browser's own idea of the connection is all there is to go by.
  let connection: Connection = navigator.onLine ? "online" : "offline";
  for (const entry of await outboxOf(userId)) {
    if (entry.status !== "pending") continue;
    const attempt: OutboxEntry = { ...entry, attempts: entry.attempts + 1 };
    try {
      const serverId = attempt.kind === "report" ? await sendReport(attempt.input) : await sendDeposit(attempt.input);
      await putOutbox({ ...attempt, status: "accepted", serverId, answeredAt: new Date().toISOString(), refusal: null });
      connection = "online";
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "refused") {
        const { code, message, fields } = failure;
        await putOutbox({ ...attempt, status: "refused", answeredAt: new Date().toISOString(), refusal: { code, message, fields } });
        connection = "online";
      } else {
        await putOutbox(attempt);
        notify();
        return failure.kind === "signed-out" ? "signed-out" : "offline";
      }
    }
    notify();
  }
  await pruneOutbox(userId);
  return connection;
}

/** Tells the outbox that entries changed outside a flush (a submission, a discarded refusal). */
export const outboxChanged = notify;

/**
 * The collector's outbox as it is on the device, with the state of the connection as the last
 * attempt found it; keeps sending while anything waits.
 */
export function useOutbox(userId: string | undefined) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [connection, setConnection] = useState<Connection>(() => (navigator.onLine ? "online" : "offline"));

  const reload = useCallback(async () => {
    if (userId) setEntries(await outboxOf(userId));
  }, [userId]);

  const flush = useCallback(async () => {
    if (!userId) return;
    setConnection(await flushOutbox(userId));
  }, [userId]);

  useEffect(() => {
    const listener = () => void reload();
    listeners.add(listener);
    void reload();
    void flush();
    const online = () => void flush();
    const offline = () => setConnection("offline");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [reload, flush]);

  const waiting = entries.some((e) => e.status === "pending");
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { entries, connection, flush };
}
