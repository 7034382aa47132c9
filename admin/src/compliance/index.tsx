export { ComplianceAssessmentCreate, ComplianceAssessmentEdit, ComplianceAssessmentList, ComplianceAssessmentShow } from "./assessment";
export { ComplianceSummaryPage } from "./summary";
export {
  CompliancePublishedAverageCreate,
  CompliancePublishedAverageEdit,
  CompliancePublishedAverageList,
  CompliancePublishedAverageShow,
  ComplianceTargetCreate,
  ComplianceTargetEdit,
  ComplianceTargetList,
  ComplianceTargetShow,
} from "./targets";
