import type { ReactNode } from "react";
import BalanceIcon from "@mui/icons-material/Balance";
import PointOfSaleIcon from "@mui/icons-material/PointOfSale";
import TerminalIcon from "@mui/icons-material/Terminal";
import { Layout, Menu } from "react-admin";
import { canCollect, canReadStatements, canUseExplorer, useRole } from "../common/permissions";

/** The resources of the role, then the reports that are pages rather than resources. */
const AppMenu = () => {
  const role = useRole();
  return (
    <Menu>
      <Menu.DashboardItem />
      {canCollect(role) ? <Menu.Item to="/setor" primaryText="app.collector.menu" leftIcon={<PointOfSaleIcon />} /> : null}
      <Menu.ResourceItems />
      {canReadStatements(role) ? (
        <Menu.Item to="/reconciliation" primaryText="app.reconciliation.menu" leftIcon={<BalanceIcon />} />
      ) : null}
      {canUseExplorer(role) ? <Menu.Item to="/explorer" primaryText="app.explorer.menu" leftIcon={<TerminalIcon />} /> : null}
    </Menu>
  );
};

/**
 * On a phone the layout may not grow wider than the screen (react-admin makes it as wide as its
 * content): a wide table then scrolls inside its card instead of pushing the whole page sideways.
 */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} sx={{ minWidth: { xs: 0, md: "fit-content" }, "& .RaLayout-content": { minWidth: 0 } }}>
    {children}
  </Layout>
);
