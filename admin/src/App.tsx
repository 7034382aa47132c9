import { lazy, type ComponentType, type ReactElement } from "react";
import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import FlagIcon from "@mui/icons-material/Flag";
import GavelIcon from "@mui/icons-material/Gavel";
import PublishedWithChangesIcon from "@mui/icons-material/PublishedWithChanges";
import VerifiedIcon from "@mui/icons-material/Verified";
import InsightsIcon from "@mui/icons-material/Insights";
import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { Admin, CustomRoutes, Resource, type ResourceProps } from "react-admin";
import { Route } from "react-router-dom";
import { AgencyCreate, AgencyEdit, AgencyList, AgencyShow } from "./agency";
import { AnomalyList, AnomalyShow } from "./anomaly";
import { BankStatementImport, BankStatementList, BankStatementShow, StatementLineList } from "./bank-statement";
import { BillList, BillShow } from "./bill";
import { CollectorAssignmentCreate, CollectorAssignmentEdit, CollectorAssignmentList, CollectorAssignmentShow } from "./collector-assignment";
import {
  STATEMENT_IMPORTERS,
  canReadAnomalies,
  canReadBills,
  canReadCompliance,
  canReadInventory,
  canReadMarketData,
  canReadStatements,
  canReadUsers,
  canWriteAgencies,
  canWriteCompliance,
  canWriteMasterData,
  canWriteServices,
} from "./common/permissions";
import { DailyReportList, DailyReportShow, ReceiptList } from "./daily-report";
import { Dashboard } from "./dashboard/Dashboard";
import { DepositList, DepositShow } from "./deposit";
import { AppLayout } from "./layout";
import { MarketCreate, MarketEdit, MarketList, MarketShow } from "./market";
import { PaymentList, PaymentShow } from "./payment";
import { authProvider } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { i18nProvider } from "./providers/i18nProvider";
import type { Role } from "./providers/session";
import {
  PublicServiceCreate,
  PublicServiceEdit,
  PublicServiceList,
  PublicServiceShow,
  StandardCompletenessPage,
  StandardEditor,
} from "./public-service";
import { ReconciliationReportPage } from "./reconciliation";
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
  const readable = canReadMarketData(role) ? masterData : [];
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
  resources.push(...inventoryResourcesFor(role), ...complianceResourcesFor(role));
  if (canReadUsers(role)) {
    resources.push(
      <Resource key="User" name="User" recordRepresentation="displayName" list={UserList} show={UserShow} edit={UserEdit} create={UserCreate} />,
    );
  }
  return resources;
};

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
    // A page rather than a list of records: standardCompleteness per agency (no CRUD behind it).
    <Resource key="StandardCompleteness" name="StandardCompleteness" icon={InsightsIcon} list={StandardCompletenessPage} />,
  ];
}

/** The compliance screens load on demand, in their own chunk (the initial payload stays small). */
const complianceModule = () => import("./compliance");
type ComplianceScreen = Exclude<keyof Awaited<ReturnType<typeof complianceModule>>, "default">;
const complianceScreen = (name: ComplianceScreen) =>
  lazy(() => complianceModule().then((m) => ({ default: m[name] as ComponentType })));
const ComplianceSummaryPage = complianceScreen("ComplianceSummaryPage");
const ComplianceAssessmentList = complianceScreen("ComplianceAssessmentList");
const ComplianceAssessmentShow = complianceScreen("ComplianceAssessmentShow");
const ComplianceAssessmentEdit = complianceScreen("ComplianceAssessmentEdit");
const ComplianceAssessmentCreate = complianceScreen("ComplianceAssessmentCreate");
const ComplianceTargetList = complianceScreen("ComplianceTargetList");
const ComplianceTargetShow = complianceScreen("ComplianceTargetShow");
const ComplianceTargetEdit = complianceScreen("ComplianceTargetEdit");
const ComplianceTargetCreate = complianceScreen("ComplianceTargetCreate");
const CompliancePublishedAverageList = complianceScreen("CompliancePublishedAverageList");
const CompliancePublishedAverageShow = complianceScreen("CompliancePublishedAverageShow");
const CompliancePublishedAverageEdit = complianceScreen("CompliancePublishedAverageEdit");
const CompliancePublishedAverageCreate = complianceScreen("CompliancePublishedAverageCreate");

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
