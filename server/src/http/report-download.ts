import express, { type Request, type Response } from "express";
import type { Logger } from "pino";
import { AppError } from "../common/errors";
import { REPORT_FORMATS, reportSpec, type ReportFormat } from "../modules/reports/report-catalogue";
import { parseReportParameters } from "../modules/reports/report-parameters";
import { renderPdf } from "../modules/reports/pdf-renderer";
import { renderXlsx } from "../modules/reports/xlsx-renderer";
import type { Services } from "../services";
import { requestActor } from "./request-actor";

const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * `GET /reports/<name>.<xlsx|pdf>?<parameters>` with the user's bearer token: the official report
 * as a file, scoped like the data behind it. A refusal is JSON with a reason (400 for an unknown
 * report or a bad parameter, 401, 403); the document streams out as it is written.
 */
export function reportDownloadRouter(services: Services, logger: Logger): express.Router {
  const router = express.Router();
  router.get("/reports/:file", async (req: Request, res: Response) => {
    const match = /^([a-z-]+)\.([a-z]+)$/.exec(String(req.params.file));
    const spec = match ? reportSpec(match[1]!) : undefined;
    const format = match?.[2] as ReportFormat | undefined;
    if (!spec) {
      res.status(400).json({ error: `No report named ${match?.[1] ?? String(req.params.file)}; GraphQL reportDefinitions lists them`, code: "BAD_USER_INPUT" });
      return;
    }
    if (!format || !REPORT_FORMATS.includes(format)) {
      res.status(400).json({ error: `A report is available as ${REPORT_FORMATS.join(" or ")}`, code: "BAD_USER_INPUT" });
      return;
    }
    let document;
    try {
      const actor = await requestActor(req, services);
      services.reports.authorise(actor, spec);
      const params = parseReportParameters(spec, req.query as Record<string, unknown>);
      document = await services.reports.document(actor, spec, params);
    } catch (error) {
      const code = error instanceof AppError ? String(error.extensions.code) : "";
      const status = STATUS_OF[code];
      if (status && error instanceof AppError) {
        res.status(status).json({ error: error.message, code, ...(error.extensions.fields ? { fields: error.extensions.fields } : {}) });
      } else {
        req.log?.error({ err: error }, "report failed");
        res.status(500).json({ error: "The report could not be produced", code: "INTERNAL_SERVER_ERROR" });
      }
      return;
    }
    res.status(200);
    res.setHeader("content-type", CONTENT_TYPES[format]);
    res.setHeader("content-disposition", `attachment; filename="${document.fileName}.${format}"`);
    res.setHeader("cache-control", "no-store");
    try {
      await (format === "xlsx" ? renderXlsx(document, res) : renderPdf(document, res));
    } catch (error) {
      // The headers are gone: all that is left is to cut the download short so it is not taken for whole.
      logger.error({ err: error, report: spec.name }, "report rendering failed");
      res.destroy(error as Error);
    }
  });
  return router;
}
