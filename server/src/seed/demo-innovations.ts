import type { EntityManager } from "typeorm";
import { Market } from "../modules/markets/market.entity";
import { Agency } from "../modules/public-services/agency.entity";
import { InnovationMarketLink, InnovationServiceLink } from "../modules/public-services/innovation-link.entity";
import { Innovation } from "../modules/public-services/innovation.entity";
import { InnovationStatus } from "../modules/public-services/innovation.enums";
import { PublicService } from "../modules/public-services/public-service.entity";

/**
 * The five innovations the regency names in its account of its services (issue 9): names, agencies
 * and what each does are REAL; descriptions say no more than that account. No launch date has been
 * published for any of them in this repository, so `launchedOn` stays empty rather than invented.
 */
export const DUKCAPIL_DOCUMENTS = ["Penerbitan KTP Elektronik (KTP-el)", "Penerbitan Kartu Keluarga", "Penerbitan Akta Kelahiran"] as const;
const MARKET_RETRIBUTION = "Retribusi Pelayanan Pasar (LAPERA)";

export const DEMO_INNOVATIONS: ReadonlyArray<{
  agency: string;
  name: string;
  shortName: string | null;
  description: string;
  services: readonly string[];
  allMarkets: boolean;
}> = [
  { agency: "DISDAG", name: "Laporan Retribusi Pasar", shortName: "LAPERA", allMarkets: true, services: [MARKET_RETRIBUTION],
    description: "Laporan retribusi pasar yang dapat dipantau di mana saja dan kapan saja." },
  // The account names the service only; that it concerns market retribution is this application's own payment channels (QRIS, VA, autodebit).
  { agency: "BAPENDA", name: "Layanan Pembayaran Online", shortName: null, allMarkets: true, services: [MARKET_RETRIBUTION],
    description: "Layanan pembayaran secara online yang diselenggarakan Badan Pendapatan Daerah." },
  { agency: "BALITBANGDA", name: "Smart Traditional Market", shortName: null, allMarkets: true, services: [MARKET_RETRIBUTION],
    description: "Inovasi Badan Penelitian dan Pengembangan Daerah untuk digitalisasi pasar tradisional." },
  { agency: "DISDUKCAPIL", name: "Sitepak", shortName: null, allMarkets: false, services: DUKCAPIL_DOCUMENTS,
    description: "Layanan dokumen kependudukan dari permohonan sampai dokumen dikirim kepada pemohon melalui pos." },
  { agency: "DISDUKCAPIL", name: "Botram", shortName: null, allMarkets: false, services: DUKCAPIL_DOCUMENTS,
    description: "Layanan jemput bola: pelayanan administrasi kependudukan didatangkan kepada warga." },
];

/** Runs after the markets are seeded: the market innovations cover every market. */
export async function seedDemoInnovations(em: EntityManager, now: Date): Promise<void> {
  const agencies = new Map((await em.find(Agency)).map((a) => [a.code, a.id]));
  const services = new Map((await em.find(PublicService)).map((s) => [s.name, s.id]));
  const markets = (await em.find(Market, { select: { id: true }, order: { id: "ASC" } })).map((m) => m.id);
  for (const d of DEMO_INNOVATIONS) {
    const agencyId = agencies.get(d.agency);
    if (agencyId === undefined) throw new Error(`demo agency ${d.agency} is missing`);
    const saved = await em.save(Innovation, {
      agencyId, name: d.name, shortName: d.shortName, description: d.description, launchedOn: null, status: InnovationStatus.ACTIVE,
      publicUrl: null, published: true, createdAt: now, updatedAt: now,
    });
    await em.insert(InnovationServiceLink, d.services.map((name, position) => {
      const serviceId = services.get(name);
      if (serviceId === undefined) throw new Error(`demo service ${name} is missing`);
      return { innovationId: saved.id, serviceId, position };
    }));
    if (d.allMarkets) await em.insert(InnovationMarketLink, markets.map((marketId, position) => ({ innovationId: saved.id, marketId, position })));
  }
}
