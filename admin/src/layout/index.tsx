import type { ReactNode } from "react";
import BalanceIcon from "@mui/icons-material/Balance";
import { Layout, Menu } from "react-admin";
import { canReadStatements, useRole } from "../common/permissions";

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
    </Menu>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
