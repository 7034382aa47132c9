import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslate } from "react-admin";
import { formatCompactRupiah, formatRupiah } from "../common/format";
import type { RevenueTotal } from "./dashboard-api";

/** Realised vs potential vs target per day or month (loaded on demand with the charts library). */
const TrendChart = ({ rows }: { rows: RevenueTotal[] }) => {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis tickFormatter={(v: number) => formatCompactRupiah(v)} tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={(value) => formatRupiah(value)} />
        <Legend />
        <Line type="monotone" dataKey="potential" name={translate("app.dashboard.potential")} stroke="#1976d2" dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="target" name={translate("app.dashboard.target")} stroke="#9e9e9e" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="realised" name={translate("app.dashboard.realised")} stroke="#2e7d32" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
};

export default TrendChart;
