import { forbidden, unauthenticated } from "../../common/errors";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import type { RevenueReportService } from "../revenue/revenue-report.service";
import { AnomalyRegisterReport } from "./anomaly-register.report";
import { CollectorRecapReport } from "./collector-recap.report";
import { MonthlyRealisationReport } from "./monthly-realisation.report";
import { REPORTS, type ReportSpec } from "./report-catalogue";
import type { ReportDocument } from "./report-document";
import type { ReportParameters } from "./report-parameters";

/** The official reports: which a user may download, and each one's document for given parameters. */
export class ReportService {
  private readonly monthly: MonthlyRealisationReport;
  private readonly recap: CollectorRecapReport;
  private readonly register: AnomalyRegisterReport;

  constructor(db: Database, revenue: RevenueReportService) {
    this.monthly = new MonthlyRealisationReport(db, revenue);
    this.recap = new CollectorRecapReport(db);
    this.register = new AnomalyRegisterReport(db);
  }

  available(actor: Actor): ReportSpec[] {
    const role = actor.user?.role;
    return role ? REPORTS.filter((r) => r.roles.includes(role)) : [];
  }

  /** Who may ask at all, checked before the parameters so that strangers learn nothing from them. */
  authorise(actor: Actor, spec: ReportSpec): void {
    if (!actor.user) throw unauthenticated();
    if (!spec.roles.includes(actor.user.role)) throw forbidden(`The ${spec.name} report is not for the ${actor.user.role} role`);
  }

  /** Parameters come checked by parseReportParameters against the same spec. */
  async document(actor: Actor, spec: ReportSpec, params: ReportParameters): Promise<ReportDocument> {
    this.authorise(actor, spec);
    const id = (name: string) => params[name] as number | undefined;
    const text = (name: string) => params[name] as string;
    switch (spec.name) {
      case "monthly-realisation":
        return this.monthly.document(actor, { month: text("month"), marketId: id("marketId") });
      case "collector-recap":
        return this.recap.document(actor, { marketId: id("marketId")!, date: text("date"), collectorId: id("collectorId") });
      case "anomaly-register":
        return this.register.document(actor, { from: text("from"), to: text("to"), marketId: id("marketId") });
    }
  }
}
