import { Button } from "@mui/material";
import PointOfSaleIcon from "@mui/icons-material/PointOfSale";
import {
  Link,
  Title,
  useCreatePath,
  useGetIdentity,
  useResourceDefinitions,
  useTranslate,
} from "react-admin";
import { getSession, type Role } from "../providers/session";

/** Roles limited to their assigned markets; the others see every market. */
const MARKET_SCOPED: readonly Role[] = ["MARKET_HEAD", "COLLECTOR"];

/**
 * Landing page of the roles without revenue monitoring (collectors, treasurers, Bapenda, agency
 * editors): who is signed in and where to go.
 */
export const WelcomePage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const resources = useResourceDefinitions();
  const user = getSession()?.user;

  return (
    <div style={{ padding: "1.5rem", maxWidth: "60rem" }} data-testid="dashboard">
      <Title title={translate("app.dashboard.title")} />
      <h1 style={{ fontSize: "1.6rem", fontWeight: 500, margin: "0 0 0.75rem" }}>
        {translate("app.dashboard.welcome", { name: identity?.fullName ?? user?.displayName ?? "" })}
      </h1>
      {user ? (
        <p data-testid="dashboard-identity">
          {translate("app.dashboard.signed_in_as", {
            username: user.username,
            role: translate(`app.enum.Role.${user.role}`),
          })}
          {MARKET_SCOPED.includes(user.role)
            ? ` ${translate("app.dashboard.markets_scope", { count: user.marketIds.length })}`
            : ""}
        </p>
      ) : null}
      {user?.role === "COLLECTOR" ? (
        <Button component={Link} to="/setor" variant="contained" size="large" startIcon={<PointOfSaleIcon />} sx={{ my: 1 }} data-testid="open-collector-mode">
          {translate("app.collector.menu")}
        </Button>
      ) : null}
      <p>{translate("app.dashboard.intro")}</p>
      <h2 style={{ fontSize: "1.2rem", fontWeight: 500, margin: "1.5rem 0 0.5rem" }}>
        {translate("app.dashboard.master_data")}
      </h2>
      <ul style={{ lineHeight: 2 }}>
        {Object.values(resources)
          .filter((r) => r.hasList)
          .map((r) => (
            <li key={r.name}>
              <Link to={createPath({ resource: r.name, type: "list" })}>
                {translate(`resources.${r.name}.name`, { smart_count: 2, _: r.name })}
              </Link>
            </li>
          ))}
      </ul>
    </div>
  );
};
