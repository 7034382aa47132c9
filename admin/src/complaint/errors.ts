import type { RefusalTranslator } from "../providers/dataProvider";
import { i18nProvider } from "../providers/i18nProvider";

/**
 * Complaint refusals in the UI language. The server answers in English (`BAD_USER_INPUT` naming the
 * fields, `FORBIDDEN`, `CONFLICT` for a tracking number already recorded); the problems it is known
 * to give become the UI's words, anything else is shown as the server wrote it.
 */
const t = (key: string, args?: Record<string, unknown>) => i18nProvider.translate(`app.complaint.server.${key}`, args);
const status = (value: string) => i18nProvider.translate(`app.enum.ComplaintStatus.${value}`, { _: value });

/** One field's problem in the UI language when known; otherwise the server's text. */
export function complaintProblem(field: string, problem: string): string {
  let m: RegExpExecArray | null;
  if ((m = /cannot move from (\w+) to (\w+)/i.exec(problem))) return t("transition", { from: status(m[1]!), to: status(m[2]!) });
  if (/not disposed to an agency yet/i.test(problem)) return t("not_disposed");
  if (/is ARCHIVED/.test(problem)) return t("archived");
  if (/must not be in the future/i.test(problem)) return t("future");
  if (/can change only while the complaint is RECEIVED/i.test(problem)) return t("received_only");
  if (/is not active/i.test(problem)) return t("agency_inactive");
  if (/does not exist/i.test(problem)) return t("missing");
  if (/must not be empty/i.test(problem)) return t("text_required");
  if (/before the complaint's last step/i.test(problem)) return t("before_last_step");
  if (/agency editor may set only/i.test(problem)) return t("editor_status");
  if (field === "" && /same trackingNumber/i.test(problem)) return t("duplicate_tracking");
  return problem;
}

/** The message of a refused workflow step (a notification): the known problems joined, translated. */
export function complaintRefusal(code: string | undefined, message: string, fields: Record<string, string>): string {
  const problems = Object.entries(fields);
  if (problems.length > 0) {
    const translated = problems.map(([field, problem]) => complaintProblem(field, problem));
    if (translated.every((text, i) => text !== problems[i]![1])) return [...new Set(translated)].join("; ");
  }
  const whole = complaintProblem("", message);
  if (whole !== message) return whole;
  if (code === "FORBIDDEN") return t("forbidden");
  return message;
}

/** For the data provider: the Complaint resource's create and update. */
export const translateComplaintRefusal: RefusalTranslator = (code, message, problems) => {
  if (code === "CONFLICT" && /trackingNumber/i.test(message)) {
    return { message: t("refused"), problems: { trackingNumber: t("duplicate_tracking") } };
  }
  if (code === "FORBIDDEN") return { message: complaintRefusal(code, message, {}), problems: {} };
  const entries = Object.entries(problems).map(([field, problem]) => [field, problem, complaintProblem(field, problem)] as const);
  const known = entries.length > 0 && entries.every(([, problem, text]) => text !== problem);
  return { message: known ? t("refused") : message, problems: Object.fromEntries(entries.map(([field, , text]) => [field, text])) };
};
