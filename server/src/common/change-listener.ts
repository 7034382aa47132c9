/**
 * Told by a service, after its write has committed, which market and business day the write
 * changed; anomaly detection listens to re-check them. Services depend on this, not on detection.
 */
export interface ChangeListener {
  /** `marketId` null: the change concerns no single market (a bank statement), so every market. */
  changed(marketId: number | null, day: string): void;
}

export const IGNORE_CHANGES: ChangeListener = { changed: () => undefined };
