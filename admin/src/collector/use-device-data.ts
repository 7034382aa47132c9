import { useCallback, useEffect, useState } from "react";
import { classifyFailure, fetchMarkets, fetchSheet, type CollectionSheet, type MarketChoice } from "./collector-api";
import { dayKey, deviceStore } from "./device-store";

/**
 * The collection sheet of a market and day: fresh from the server when there is a connection (and
 * then kept on the device), else the copy kept last time, with when it was fetched.
 */
export function useCollectionSheet(userId: string, marketId: string | null, businessDate: string) {
  const [state, setState] = useState<{ sheet: CollectionSheet | null; fetchedAt: string | null; cached: boolean; error: string | null; loading: boolean }>(
    { sheet: null, fetchedAt: null, cached: false, error: null, loading: false },
  );

  const load = useCallback(async () => {
    if (!marketId) return;
    const key = dayKey(userId, marketId, businessDate);
    setState((s) => ({ ...s, loading: true }));
    const db = await deviceStore();
    try {
      const sheet = await fetchSheet(marketId, businessDate);
      const fetchedAt = new Date().toISOString();
      await db.put("sheets", { key, fetchedAt, sheet });
      setState({ sheet, fetchedAt, cached: false, error: null, loading: false });
    } catch (error) {
      const failure = classifyFailure(error);
      const stored = await db.get("sheets", key);
      setState({
        sheet: stored?.sheet ?? null,
        fetchedAt: stored?.fetchedAt ?? null,
        cached: stored !== undefined,
        // Without a connection the stored copy is expected; a refusal (say, a market no longer
        // assigned) is worth saying.
        error: failure.kind === "refused" ? failure.message : null,
        loading: false,
      });
    }
  }, [userId, marketId, businessDate]);

  useEffect(() => {
    setState({ sheet: null, fetchedAt: null, cached: false, error: null, loading: true });
    void load();
  }, [load]);

  return { ...state, reload: load };
}

/** The markets the collector is assigned to, by name; kept on the device for offline use. */
export function useAssignedMarkets(userId: string, marketIds: readonly string[]) {
  const [markets, setMarkets] = useState<MarketChoice[] | null>(null);
  const idsKey = marketIds.join(",");
  useEffect(() => {
    let live = true;
    void (async () => {
      const db = await deviceStore();
      try {
        const fetched = await fetchMarkets(idsKey ? idsKey.split(",") : []);
        await db.put("markets", { userId, fetchedAt: new Date().toISOString(), markets: fetched });
        if (live) setMarkets(fetched);
      } catch {
        const stored = await db.get("markets", userId);
        if (live) setMarkets(stored?.markets ?? idsKey.split(",").filter(Boolean).map((id) => ({ id, name: `#${id}` })));
      }
    })();
    return () => {
      live = false;
    };
  }, [userId, idsKey]);
  return markets;
}
