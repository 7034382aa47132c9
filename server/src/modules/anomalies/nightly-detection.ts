import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { addDays, todayInJakarta } from "../../common/local-date";
import type { JobLocks } from "../../database/job-lock";
import { systemActor } from "../auth/actor";
import { DetectionTrigger } from "./anomaly.enums";
import type { AnomalyService } from "./anomaly.service";
import type { DetectionRun } from "./detection-run.entity";

export const NIGHTLY_JOB = "nightly-anomaly-detection";
/** Longer than a full run takes; a holder that died releases the night to another instance after it. */
const LEASE_MS = 2 * 60 * 60 * 1000;
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface NightlyOptions {
  /** Wall-clock time in Asia/Jakarta, HH:MM. */
  at: string;
  /** Business days the run covers, ending today. */
  days: number;
}

/** Milliseconds from `now` to the next HH:MM in Asia/Jakarta. */
export function msUntilNext(at: string, now: Date): number {
  const [hour, minute] = at.split(":").map(Number);
  const local = new Date(now.getTime() + JAKARTA_OFFSET_MS);
  let next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - JAKARTA_OFFSET_MS;
  if (next <= now.getTime()) next += 24 * 60 * 60 * 1000;
  return next - now.getTime();
}

/**
 * The full detection run over every market, once a night. Every instance schedules it; the lease in
 * `job_lock` lets exactly one of them run each night's, keyed by the night's date.
 */
export class NightlyDetection {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<unknown> = Promise.resolve();
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly anomalies: AnomalyService,
    private readonly locks: JobLocks,
    private readonly options: NightlyOptions,
    private readonly onError: (error: unknown) => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.stopped) return;
    const wait = msUntilNext(this.options.at, this.clock());
    this.timer = setTimeout(() => {
      this.running = this.runOnce().catch(this.onError).finally(() => this.start());
    }, wait);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Tonight's run, unless another instance has it or has done it: then null. */
  async runOnce(now = this.clock()): Promise<DetectionRun | null> {
    const today = todayInJakarta(now);
    if (!(await this.locks.tryAcquire(NIGHTLY_JOB, today, this.holder, LEASE_MS, now))) return null;
    try {
      const run = await this.anomalies.run(systemActor("nightly-detection"), addDays(today, 1 - this.options.days), today, null, DetectionTrigger.NIGHTLY, now);
      await this.locks.release(NIGHTLY_JOB, this.holder, today);
      return run;
    } catch (error) {
      await this.locks.release(NIGHTLY_JOB, this.holder, null);
      throw error;
    }
  }
}
