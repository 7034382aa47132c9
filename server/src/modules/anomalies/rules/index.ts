import { billOverdue } from "./bill-overdue.rule";
import { collectionDrop } from "./collection-drop.rule";
import { collectorOutlier } from "./collector-outlier.rule";
import { depositLate } from "./deposit-late.rule";
import { depositMatchesTarget } from "./deposit-matches-target.rule";
import { depositShortfall } from "./deposit-shortfall.rule";
import { lateSubmission } from "./late-submission.rule";
import { missingReport } from "./missing-report.rule";
import { occupiedStallUncollected } from "./occupied-stall-uncollected.rule";
import { paymentAmountMismatch, paymentDuplicate, paymentUnmatched } from "./payment-rules";
import { aboveTariff, belowTariff, ticketOutsideBook, vacantStallReceipt } from "./receipt-rules";
import type { AnomalyRule } from "./rule";
import { statementLineUnmatched } from "./statement-line-unmatched.rule";
import { ticketDuplicate } from "./ticket-duplicate.rule";
import { ticketSerialGap } from "./ticket-serial-gap.rule";

/** Every detection rule, by its stable code. */
export const ANOMALY_RULES: readonly AnomalyRule[] = [
  ticketSerialGap,
  ticketDuplicate,
  ticketOutsideBook,
  belowTariff,
  aboveTariff,
  vacantStallReceipt,
  missingReport,
  occupiedStallUncollected,
  lateSubmission,
  collectionDrop,
  collectorOutlier,
  depositLate,
  depositShortfall,
  depositMatchesTarget,
  paymentUnmatched,
  paymentDuplicate,
  paymentAmountMismatch,
  statementLineUnmatched,
  billOverdue,
];
