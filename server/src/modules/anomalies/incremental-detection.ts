import type { ChangeListener } from "../../common/change-listener";
import { addDays, todayInJakarta } from "../../common/local-date";
import { systemActor } from "../auth/actor";
import { DetectionTrigger } from "./anomaly.enums";
import type { AnomalyService } from "./anomaly.service";

/**
 * Re-runs detection for the markets and days that writes changed, off the request path: a write only
 * notes its market and day; `delayMs` after the first note the noted markets are re-checked together
 * from their earliest changed day (later days' findings may depend on it) to today. The window is
 * kept that short because a run shares the process with the requests (on SQLite it holds the event
 * loop while a query runs); what it does not reach (a month judged on its first day, a streak of
 * uncollected days that began earlier) is brought up to date by the nightly run.
 */
export class IncrementalDetection implements ChangeListener {
  private pending = new Map<number | null, string>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly anomalies: AnomalyService,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  changed(marketId: number | null, day: string): void {
    if (this.stopped) return;
    const earliest = this.pending.get(marketId);
    if (earliest === undefined || day < earliest) this.pending.set(marketId, day);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.delayMs);
    this.timer.unref();
  }

  /** Runs what is noted now instead of after the delay, and resolves when every run is done. */
  async settle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }
    await this.flushing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return;
    const now = this.clock();
    const today = todayInJakarta(now);
    const latest = [...batch.values()].reduce((a, b) => (a > b ? a : b));
    const to = latest > today ? latest : today;
    const windowFrom = (day: string) => {
      const oldest = addDays(to, -365);
      return day < oldest ? oldest : day;
    };
    // Markets whose windows start on the same day are checked in one run.
    const runs = new Map<string, number[]>();
    for (const [marketId, day] of batch) {
      if (marketId === null) continue;
      const from = windowFrom(day);
      runs.set(from, [...(runs.get(from) ?? []), marketId]);
    }
    const actor = systemActor("incremental-detection");
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        this.onError(error);
      }
    };
    for (const [from, marketIds] of runs) {
      await attempt(() => this.anomalies.run(actor, from, to, marketIds, DetectionTrigger.INCREMENTAL, now));
    }
    // A change that concerns no market (a statement, a payment quoting no bill) can only change
    // findings without a market: only those rules run, over every market.
    const unassigned = batch.get(null);
    if (unassigned !== undefined) {
      await attempt(() => this.anomalies.run(actor, windowFrom(unassigned), to, null, DetectionTrigger.INCREMENTAL, now,
        (rule) => rule.marketless === true || rule.mayLackMarket === true));
    }
  }
}
