/**
 * The public-service screen sets (services and standards, Ombudsman compliance, venues,
 * SP4N-LAPOR! complaints), the anomaly queue and the payments screens, loaded on demand in one
 * chunk: the initial payload keeps only the shell, the market screens and the dashboard. One chunk rather than one per set: Rolldown moves what a
 * lazy chunk shares with the entry into common chunks, and each extra one costs compression.
 * The venue and complaint sets register their messages and refusal translations when evaluated.
 */
export * from "./compliance";
export * from "./venue";
export * from "./complaint";
export { InnovationCreate, InnovationEdit, InnovationList, InnovationShow } from "./innovation";
export { DeliveryModesEditor } from "./innovation/delivery-modes";
export {
  PublicServiceCreate,
  PublicServiceEdit,
  PublicServiceList,
  PublicServiceShow,
  StandardCompletenessPage,
  StandardEditor,
} from "./public-service";
export { AnomalyList, AnomalyShow } from "./anomaly";
export { BankStatementImport, BankStatementList, BankStatementShow, StatementLineList } from "./bank-statement";
export { BillList, BillShow } from "./bill";
export { PaymentList, PaymentShow } from "./payment";
export { ReconciliationReportPage } from "./reconciliation";
