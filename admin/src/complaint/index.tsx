import { registerRefusalTranslator } from "../providers/dataProvider";
import { registerMessages } from "../providers/i18nProvider";
import { translateComplaintRefusal } from "./errors";
import { enComplaintMessages, idComplaintMessages } from "./messages";

// This chunk's messages and refusals, before any of its screens renders.
registerMessages({ id: idComplaintMessages, en: enComplaintMessages });
registerRefusalTranslator(["Complaint"], translateComplaintRefusal);

export { ComplaintCreate, ComplaintEdit, ComplaintList, ComplaintShow } from "./complaint";
export { ComplaintPerformancePage } from "./performance";
