import { useEffect, useState } from "react";
import { isValidPeriod } from "./PeriodPicker";
import type { DashboardPeriod } from "./period";

/**
 * What `load` returns for the period, reloaded when the period (or `key`, e.g. the market) changes;
 * an answer that arrives after a newer request was made is dropped. Nothing loads while the
 * period is invalid or `key` is null.
 */
export function usePeriodData<T>(load: (period: DashboardPeriod) => Promise<T>, period: DashboardPeriod, key: string | null = "") {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const valid = isValidPeriod(period);
  useEffect(() => {
    if (!valid || key === null) return;
    let current = true;
    setLoading(true);
    load(period)
      .then((result) => {
        if (!current) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // `load` is recreated on each render by its callers; the period's days and the key decide.
  }, [key, period.from, period.to, valid]);
  return { data, error, loading };
}
