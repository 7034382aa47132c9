import { lazy, Suspense } from "react";
import { LinearProgress } from "@mui/material";
import { getSession, type Role } from "../providers/session";
import { WelcomePage } from "./WelcomePage";

/** Who monitors revenue and leakage (issue 7): the others land on the welcome page. */
const MONITORS: readonly Role[] = ["OFFICER", "MARKET_HEAD", "AUDITOR", "ADMIN"];

// Loaded on demand with its charts, so the sign-in page and the collectors' phones never fetch them.
const RevenueDashboard = lazy(() => import("./RevenueDashboard"));

export const Dashboard = () => {
  const role = getSession()?.user.role;
  if (!role || !MONITORS.includes(role)) return <WelcomePage />;
  return (
    <Suspense fallback={<LinearProgress />}>
      <RevenueDashboard />
    </Suspense>
  );
};
