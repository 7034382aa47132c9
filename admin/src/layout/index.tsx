import type { ReactNode } from "react";
import BalanceIcon from "@mui/icons-material/Balance";
import TerminalIcon from "@mui/icons-material/Terminal";
import { Layout, Menu } from "react-admin";
import { canReadStatements, canUseExplorer, useRole } from "../common/permissions";

/** The resources of the role, then the reports that are pages rather than resources. */
const AppMenu = () => {
  const role = useRole();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {canReadStatements(role) ? (
        <Menu.Item to="/reconciliation" primaryText="app.reconciliation.menu" leftIcon={<BalanceIcon />} />
      ) : null}
      {canUseExplorer(role) ? <Menu.Item to="/explorer" primaryText="app.explorer.menu" leftIcon={<TerminalIcon />} /> : null}
    </Menu>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
