import { lazy, Suspense, type ComponentType, type ReactElement } from "react";
import { LinearProgress } from "@mui/material";
import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import FlagIcon from "@mui/icons-material/Flag";
import GavelIcon from "@mui/icons-material/Gavel";
import PublishedWithChangesIcon from "@mui/icons-material/PublishedWithChanges";
import VerifiedIcon from "@mui/icons-material/Verified";
import InsightsIcon from "@mui/icons-material/Insights";
import LightbulbIcon from "@mui/icons-material/Lightbulb";
import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import StorefrontIcon from "@mui/icons-material/Storefront";
import DeskIcon from "@mui/icons-material/Desk";
import ChairIcon from "@mui/icons-material/Chair";
import GroupsIcon from "@mui/icons-material/Groups";
import FeedbackIcon from "@mui/icons-material/Feedback";
import SpeedIcon from "@mui/icons-material/Speed";
import { Admin, CustomRoutes, Resource, type ResourceProps } from "react-admin";
import { Route } from "react-router-dom";
import { AgencyCreate, AgencyEdit, AgencyList, AgencyShow } from "./agency";
import { CollectorAssignmentCreate, CollectorAssignmentEdit, CollectorAssignmentList, CollectorAssignmentShow } from "./collector-assignment";
import {
  STATEMENT_IMPORTERS,
  canAdministerComplaints,
  canCollect,
  canReadAnomalies,
  canUseExplorer,
  canReadBills,
  canReadComplaints,
  canReadCompliance,
  canReadInventory,
  canReadMarketData,
  canReadStatements,
  canReadUsers,
  canWriteAgencies,
  canWriteCompliance,
  canWriteCounters,
  canWriteVenues,
  canWriteMasterData,
  canWriteServices,
} from "./common/permissions";
import { DailyReportList, DailyReportShow, ReceiptList } from "./daily-report";
import { Dashboard } from "./dashboard/Dashboard";
import { DepositList, DepositShow } from "./deposit";
import { AppLayout } from "./layout";
import { MarketCreate, MarketEdit, MarketList, MarketShow } from "./market";
import { authProvider } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { i18nProvider } from "./providers/i18nProvider";
import type { Role } from "./providers/session";
import { RevenueTargetCreate, RevenueTargetEdit, RevenueTargetList, RevenueTargetShow } from "./revenue-target";
import { StallCreate, StallEdit, StallList, StallShow } from "./stall";
import { StallPermitCreate, StallPermitEdit, StallPermitList, StallPermitShow } from "./stall-permit";
import { TariffCreate, TariffEdit, TariffList, TariffShow } from "./tariff";
import { TicketBookCreate, TicketBookEdit, TicketBookList, TicketBookShow } from "./ticket-book";
import { TraderCreate, TraderEdit, TraderList, TraderShow } from "./trader";
import { UserCreate, UserEdit, UserList, UserShow } from "./user";

type Screens = Required<Pick<ResourceProps, "list" | "show" | "edit" | "create">>;

const masterData: Array<{ name: string; screens: Screens; recordRepresentation?: string }> = [
  { name: "Market", recordRepresentation: "name", screens: { list: MarketList, show: MarketShow, edit: MarketEdit, create: MarketCreate } },
  { name: "Stall", recordRepresentation: "code", screens: { list: StallList, show: StallShow, edit: StallEdit, create: StallCreate } },
  { name: "Trader", recordRepresentation: "name", screens: { list: TraderList, show: TraderShow, edit: TraderEdit, create: TraderCreate } },
  {
    name: "StallPermit",
    recordRepresentation: "shptNumber",
    screens: { list: StallPermitList, show: StallPermitShow, edit: StallPermitEdit, create: StallPermitCreate },
  },
  { name: "Tariff", screens: { list: TariffList, show: TariffShow, edit: TariffEdit, create: TariffCreate } },
  {
    name: "CollectorAssignment",
    screens: {
      list: CollectorAssignmentList,
      show: CollectorAssignmentShow,
      edit: CollectorAssignmentEdit,
      create: CollectorAssignmentCreate,
    },
  },
  {
    name: "TicketBook",
    recordRepresentation: "series",
    screens: { list: TicketBookList, show: TicketBookShow, edit: TicketBookEdit, create: TicketBookCreate },
  },
  {
    name: "RevenueTarget",
    recordRepresentation: "year",
    screens: { list: RevenueTargetList, show: RevenueTargetShow, edit: RevenueTargetEdit, create: RevenueTargetCreate },
  },
];

/**
 * Resources depend on the role: every role working with markets may look at master data (the
 * server scopes what they see), ADMIN and OFFICER may change it, and only ADMIN sees users.
 */
const resourcesFor = (role: unknown) => {
  const writer = canWriteMasterData(role);
  // Collectors work from their own reports and deposits: they never see master data.
  const readable = canReadMarketData(role) && role !== "COLLECTOR" ? masterData : [];
  const resources = readable.map(({ name, screens, recordRepresentation }) => (
    <Resource
      key={name}
      name={name}
      recordRepresentation={recordRepresentation}
      list={screens.list}
      show={screens.show}
      edit={writer ? screens.edit : undefined}
      create={writer ? screens.create : undefined}
    />
  ));
  if (canReadMarketData(role)) {
    // Reports and deposits are written by collectors' phones and changed only through their
    // workflow actions (reject, verify), never edited.
    resources.unshift(
      <Resource key="DailyReport" name="DailyReport" list={DailyReportList} show={DailyReportShow} />,
      <Resource key="Deposit" name="Deposit" recordRepresentation="stsNumber" list={DepositList} show={DepositShow} />,
      <Resource key="Receipt" name="Receipt" recordRepresentation="ticketNo" list={ReceiptList} />,
    );
  }
  // The payments module: bills and payments change only through generateBills, recordPayment and
  // reversePayment; a statement is "created" by importing its file.
  const paymentResources: ReactElement[] = [];
  if (canReadBills(role)) {
    paymentResources.push(
      <Resource key="Bill" name="Bill" recordRepresentation="billNumber" list={BillList} show={BillShow} />,
      <Resource key="Payment" name="Payment" recordRepresentation="externalRef" list={PaymentList} show={PaymentShow} />,
    );
  }
  if (canReadStatements(role)) {
    paymentResources.push(
      <Resource
        key="BankStatement"
        name="BankStatement"
        recordRepresentation="fileName"
        list={BankStatementList}
        show={BankStatementShow}
        create={STATEMENT_IMPORTERS.includes(role as Role) ? BankStatementImport : undefined}
      />,
      <Resource key="StatementLine" name="StatementLine" list={StatementLineList} />,
      <CustomRoutes key="reconciliation">
        <Route path="/reconciliation" element={<ReconciliationReportPage />} />
      </CustomRoutes>,
    );
  }
  resources.splice(canReadMarketData(role) ? 3 : 0, 0, ...paymentResources);
  // The anomaly queue comes first for those who work it; findings change only through their
  // workflow (acknowledge, assign, resolve) and detection runs.
  if (canReadAnomalies(role)) {
    resources.unshift(
      <Resource
        key="Anomaly"
        name="Anomaly"
        icon={ReportProblemIcon}
        list={AnomalyList}
        show={AnomalyShow}
      />,
    );
  }
  resources.push(...inventoryResourcesFor(role), ...venueResourcesFor(role), ...complianceResourcesFor(role), ...complaintResourcesFor(role));
  if (canReadUsers(role)) {
    resources.push(
      <Resource key="User" name="User" recordRepresentation="displayName" list={UserList} show={UserShow} edit={UserEdit} create={UserCreate} />,
    );
  }
  if (canCollect(role)) {
    resources.push(
      <CustomRoutes key="collector">
        <Route path="/setor" element={<Suspense fallback={<LinearProgress />}><CollectorPage /></Suspense>} />
      </CustomRoutes>,
    );
  }
  if (canUseExplorer(role)) {
    resources.push(
      <CustomRoutes key="explorer">
        <Route path="/explorer" element={<Suspense fallback={<LinearProgress />}><ExplorerPage /></Suspense>} />
      </CustomRoutes>,
    );
  }
  return resources;
};

// Collector mode and its device store load only for collectors, when they open it.
const CollectorPage = lazy(() => import("./collector/CollectorPage"));
// GraphiQL and its editor are large: they load only when the explorer is opened.
const ExplorerPage = lazy(() => import("./explorer/ExplorerPage"));

/**
 * The public-service inventory: services (with the standard editor for those who may write them),
 * agencies, and completeness per agency. Collectors and market heads see none of it; agency
 * editors see nothing else.
 */
function inventoryResourcesFor(role: unknown): ReactElement[] {
  if (!canReadInventory(role)) return [];
  const agencyWriter = canWriteAgencies(role);
  const serviceWriter = canWriteServices(role);
  return [
    <Resource
      key="PublicService"
      name="PublicService"
      icon={FactCheckIcon}
      recordRepresentation="name"
      list={PublicServiceList}
      show={PublicServiceShow}
      edit={serviceWriter ? PublicServiceEdit : undefined}
      create={serviceWriter ? PublicServiceCreate : undefined}
    >
      {serviceWriter ? <Route path=":id/standard" element={<StandardEditor />} /> : null}
      {serviceWriter ? <Route path=":id/delivery" element={<DeliveryModesEditor />} /> : null}
    </Resource>,
    <Resource
      key="Agency"
      name="Agency"
      icon={AccountBalanceIcon}
      recordRepresentation="shortName"
      list={AgencyList}
      show={AgencyShow}
      edit={agencyWriter ? AgencyEdit : undefined}
      create={agencyWriter ? AgencyCreate : undefined}
    />,
    <Resource
      key="Innovation"
      name="Innovation"
      icon={LightbulbIcon}
      recordRepresentation="name"
      list={InnovationList}
      show={InnovationShow}
      edit={serviceWriter ? InnovationEdit : undefined}
      create={serviceWriter ? InnovationCreate : undefined}
    />,
    // A page rather than a list of records: standardCompleteness per agency (no CRUD behind it).
    <Resource key="StandardCompleteness" name="StandardCompleteness" icon={InsightsIcon} list={StandardCompletenessPage} />,
  ];
}

/**
 * The public-service screens load on demand, in one chunk of their own (screens.lazy.ts), so the
 * initial payload stays under its budget.
 */
type LazyModule = typeof import("./screens.lazy");
type LazyScreen = Exclude<keyof LazyModule, "default">;
let loadedScreens: LazyModule | null = null;
const lazyScreens = () => import("./screens.lazy").then((m) => (loadedScreens = m));
/**
 * Once the chunk is loaded, a screen's first render resolves synchronously (a thenable that calls
 * back at once) instead of suspending: moving from a list to its create page does not keep the list
 * on screen for a moment while the new screen "loads" what is already there.
 */
const lazyScreen = (name: LazyScreen) =>
  lazy(() => {
    const loaded = loadedScreens;
    if (loaded) return { then: (resolve: (m: { default: ComponentType }) => void) => resolve({ default: loaded[name] as ComponentType }) } as Promise<{ default: ComponentType }>;
    return lazyScreens().then((m) => ({ default: m[name] as ComponentType }));
  });
// The anomaly queue and the payments module: read by fewer people than the market screens.
const AnomalyList = lazyScreen("AnomalyList");
const AnomalyShow = lazyScreen("AnomalyShow");
const BankStatementImport = lazyScreen("BankStatementImport");
const BankStatementList = lazyScreen("BankStatementList");
const BankStatementShow = lazyScreen("BankStatementShow");
const StatementLineList = lazyScreen("StatementLineList");
const BillList = lazyScreen("BillList");
const BillShow = lazyScreen("BillShow");
const PaymentList = lazyScreen("PaymentList");
const PaymentShow = lazyScreen("PaymentShow");
const ReconciliationReportPage = lazyScreen("ReconciliationReportPage");
const InnovationList = lazyScreen("InnovationList");
const InnovationShow = lazyScreen("InnovationShow");
const InnovationEdit = lazyScreen("InnovationEdit");
const InnovationCreate = lazyScreen("InnovationCreate");
const PublicServiceList = lazyScreen("PublicServiceList");
const PublicServiceShow = lazyScreen("PublicServiceShow");
const PublicServiceEdit = lazyScreen("PublicServiceEdit");
const PublicServiceCreate = lazyScreen("PublicServiceCreate");
const StandardCompletenessPage = lazyScreen("StandardCompletenessPage");
const StandardEditor = lazyScreen("StandardEditor");
const DeliveryModesEditor = lazyScreen("DeliveryModesEditor");
const ComplianceSummaryPage = lazyScreen("ComplianceSummaryPage");
const ComplianceAssessmentList = lazyScreen("ComplianceAssessmentList");
const ComplianceAssessmentShow = lazyScreen("ComplianceAssessmentShow");
const ComplianceAssessmentEdit = lazyScreen("ComplianceAssessmentEdit");
const ComplianceAssessmentCreate = lazyScreen("ComplianceAssessmentCreate");
const ComplianceTargetList = lazyScreen("ComplianceTargetList");
const ComplianceTargetShow = lazyScreen("ComplianceTargetShow");
const ComplianceTargetEdit = lazyScreen("ComplianceTargetEdit");
const ComplianceTargetCreate = lazyScreen("ComplianceTargetCreate");
const CompliancePublishedAverageList = lazyScreen("CompliancePublishedAverageList");
const CompliancePublishedAverageShow = lazyScreen("CompliancePublishedAverageShow");
const CompliancePublishedAverageEdit = lazyScreen("CompliancePublishedAverageEdit");
const CompliancePublishedAverageCreate = lazyScreen("CompliancePublishedAverageCreate");

/**
 * Ombudsman compliance: the year's summary page (complianceSummary, no CRUD behind it), the units'
 * assessments, the targets and the published averages; administrators write, the others read.
 */
function complianceResourcesFor(role: unknown): ReactElement[] {
  if (!canReadCompliance(role)) return [];
  const writer = canWriteCompliance(role);
  return [
    <Resource key="ComplianceSummary" name="ComplianceSummary" icon={VerifiedIcon} list={ComplianceSummaryPage} />,
    <Resource
      key="ComplianceAssessment"
      name="ComplianceAssessment"
      icon={GavelIcon}
      recordRepresentation="year"
      list={ComplianceAssessmentList}
      show={ComplianceAssessmentShow}
      edit={writer ? ComplianceAssessmentEdit : undefined}
      create={writer ? ComplianceAssessmentCreate : undefined}
    />,
    <Resource
      key="ComplianceTarget"
      name="ComplianceTarget"
      icon={FlagIcon}
      recordRepresentation="year"
      list={ComplianceTargetList}
      show={ComplianceTargetShow}
      edit={writer ? ComplianceTargetEdit : undefined}
      create={writer ? ComplianceTargetCreate : undefined}
    />,
    <Resource
      key="CompliancePublishedAverage"
      name="CompliancePublishedAverage"
      icon={PublishedWithChangesIcon}
      recordRepresentation="year"
      list={CompliancePublishedAverageList}
      show={CompliancePublishedAverageShow}
      edit={writer ? CompliancePublishedAverageEdit : undefined}
      create={writer ? CompliancePublishedAverageCreate : undefined}
    />,
  ];
}

const ServiceVenueList = lazyScreen("ServiceVenueList");
const ServiceVenueShow = lazyScreen("ServiceVenueShow");
const ServiceVenueEdit = lazyScreen("ServiceVenueEdit");
const ServiceVenueCreate = lazyScreen("ServiceVenueCreate");
const VenueCounterList = lazyScreen("VenueCounterList");
const VenueCounterShow = lazyScreen("VenueCounterShow");
const VenueCounterEdit = lazyScreen("VenueCounterEdit");
const VenueCounterCreate = lazyScreen("VenueCounterCreate");
const FacilityList = lazyScreen("FacilityList");
const FacilityEdit = lazyScreen("FacilityEdit");
const FacilityCreate = lazyScreen("FacilityCreate");
const VenueVisitsList = lazyScreen("VenueVisitsList");
const VenueVisitsEdit = lazyScreen("VenueVisitsEdit");
const VenueVisitsCreate = lazyScreen("VenueVisitsCreate");

/**
 * Venues (the MPP, gerai, agency offices) with their counters, facilities and monthly visitors:
 * read by those who read the inventory; administrators write, agency editors their own counters.
 */
function venueResourcesFor(role: unknown): ReactElement[] {
  if (!canReadInventory(role)) return [];
  const writer = canWriteVenues(role);
  const counterWriter = canWriteCounters(role);
  return [
    <Resource
      key="ServiceVenue"
      name="ServiceVenue"
      icon={StorefrontIcon}
      recordRepresentation="name"
      list={ServiceVenueList}
      show={ServiceVenueShow}
      edit={writer ? ServiceVenueEdit : undefined}
      create={writer ? ServiceVenueCreate : undefined}
    />,
    <Resource
      key="VenueCounter"
      name="VenueCounter"
      icon={DeskIcon}
      recordRepresentation="counterNumber"
      list={VenueCounterList}
      show={VenueCounterShow}
      edit={counterWriter ? VenueCounterEdit : undefined}
      create={counterWriter ? VenueCounterCreate : undefined}
    />,
    <Resource
      key="Facility"
      name="Facility"
      icon={ChairIcon}
      list={FacilityList}
      edit={writer ? FacilityEdit : undefined}
      create={writer ? FacilityCreate : undefined}
    />,
    <Resource
      key="VenueVisits"
      name="VenueVisits"
      icon={GroupsIcon}
      recordRepresentation="month"
      list={VenueVisitsList}
      edit={writer ? VenueVisitsEdit : undefined}
      create={writer ? VenueVisitsCreate : undefined}
    />,
  ];
}

const ComplaintList = lazyScreen("ComplaintList");
const ComplaintShow = lazyScreen("ComplaintShow");
const ComplaintEdit = lazyScreen("ComplaintEdit");
const ComplaintCreate = lazyScreen("ComplaintCreate");
const ComplaintPerformancePage = lazyScreen("ComplaintPerformancePage");

/**
 * SP4N-LAPOR! complaints: administrators record and work them, agency editors follow up their
 * agency's, officers and auditors read; the follow-up performance per agency is a page (no CRUD).
 */
function complaintResourcesFor(role: unknown): ReactElement[] {
  if (!canReadComplaints(role)) return [];
  const admin = canAdministerComplaints(role);
  return [
    <Resource
      key="Complaint"
      name="Complaint"
      icon={FeedbackIcon}
      recordRepresentation="trackingNumber"
      list={ComplaintList}
      show={ComplaintShow}
      edit={admin ? ComplaintEdit : undefined}
      create={admin ? ComplaintCreate : undefined}
    />,
    <Resource key="ComplaintPerformance" name="ComplaintPerformance" icon={SpeedIcon} list={ComplaintPerformancePage} />,
  ];
}

export const App = () => (
  <Admin
    title="LAPERA+"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => resourcesFor(permissions)}
  </Admin>
);
