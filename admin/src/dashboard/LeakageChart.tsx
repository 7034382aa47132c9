import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslate } from "react-admin";
import { formatCompactRupiah, formatRupiah } from "../common/format";
import type { MarketRevenue } from "./dashboard-api";


/** Leakage per market, largest first; a bar opens its market (loaded on demand with the charts library). */
const LeakageChart = ({ markets, onOpen }: { markets: MarketRevenue[]; onOpen: (market: MarketRevenue) => void }) => {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, markets.length * 30 + 40)}>
      <BarChart data={markets} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => formatCompactRupiah(v)} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="marketName" width={150} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatRupiah(value)} />
        <Bar
          dataKey="leakage"
          name={translate("app.dashboard.leakage")}
          fill="#c62828"
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => {
            const market = markets[index];
            if (market) onOpen(market);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default LeakageChart;
