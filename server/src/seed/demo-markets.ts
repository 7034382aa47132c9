import { MarketClass, StallKind } from "../modules/markets/market.enums";

export interface DemoMarket {
  code: string;
  name: string;
  district: string;
  marketClass: MarketClass;
  /** Synthetic layout: blocks x stalls of each kind. */
  layout: Array<{ kind: StallKind; blocks: number; perBlock: number; areaDm2: [number, number] }>;
  latitude: number;
  longitude: number;
}

const kios = (blocks: number, perBlock: number) => ({ kind: StallKind.KIOS, blocks, perBlock, areaDm2: [600, 1200] as [number, number] });
const los = (blocks: number, perBlock: number) => ({ kind: StallKind.LOS, blocks, perBlock, areaDm2: [300, 600] as [number, number] });
const lapak = (blocks: number, perBlock: number) => ({ kind: StallKind.LAPAK, blocks, perBlock, areaDm2: [200, 400] as [number, number] });

/**
 * The 12 pasar rakyat of Kabupaten Bekasi (names from the glossary). Stall counts follow the glossary
 * where it gives them (Pasar Induk Cibitung 17 blocks x 140 kios; Pasar Baru Cikarang about 500 lapak);
 * everything else, coordinates included, is synthetic.
 */
export const DEMO_MARKETS: DemoMarket[] = [
  { code: "PBC", name: "Pasar Baru Cikarang", district: "Cikarang Utara", marketClass: MarketClass.I, layout: [lapak(10, 50), kios(2, 40)], latitude: -6.2608, longitude: 107.1521 },
  { code: "PIC", name: "Pasar Induk Cibitung", district: "Cibitung", marketClass: MarketClass.I, layout: [kios(17, 140)], latitude: -6.2475, longitude: 107.0832 },
  { code: "TMB", name: "Pasar Tambun", district: "Tambun Selatan", marketClass: MarketClass.II, layout: [kios(3, 60), los(2, 40), lapak(2, 50)], latitude: -6.2617, longitude: 107.0543 },
  { code: "BBL", name: "Pasar Babelan", district: "Babelan", marketClass: MarketClass.II, layout: [kios(2, 50), los(2, 30), lapak(2, 40)], latitude: -6.1636, longitude: 107.0338 },
  { code: "TRJ", name: "Pasar Tarumajaya", district: "Tarumajaya", marketClass: MarketClass.III, layout: [kios(1, 60), lapak(2, 45)], latitude: -6.1212, longitude: 106.9834 },
  { code: "STU", name: "Pasar Setu", district: "Setu", marketClass: MarketClass.III, layout: [kios(2, 40), lapak(2, 40)], latitude: -6.3470, longitude: 107.0370 },
  { code: "CBR", name: "Pasar Cibarusah", district: "Cibarusah", marketClass: MarketClass.III, layout: [kios(2, 45), los(1, 30), lapak(2, 35)], latitude: -6.4330, longitude: 107.0920 },
  { code: "SRB", name: "Pasar Serang Baru", district: "Serang Baru", marketClass: MarketClass.III, layout: [kios(2, 40), lapak(2, 40)], latitude: -6.3590, longitude: 107.1010 },
  { code: "LMA", name: "Pasar Lemah Abang", district: "Cikarang Timur", marketClass: MarketClass.II, layout: [kios(3, 50), los(2, 30), lapak(2, 40)], latitude: -6.2890, longitude: 107.1990 },
  { code: "KDG", name: "Pasar Kedung Gede", district: "Kedungwaringin", marketClass: MarketClass.III, layout: [kios(1, 50), lapak(2, 40)], latitude: -6.2540, longitude: 107.2620 },
  { code: "SKT", name: "Pasar Sukatani", district: "Sukatani", marketClass: MarketClass.III, layout: [kios(1, 50), lapak(2, 35)], latitude: -6.1720, longitude: 107.1760 },
  { code: "PTC", name: "Pertokoan Cikarang", district: "Cikarang Utara", marketClass: MarketClass.II, layout: [kios(4, 50)], latitude: -6.2585, longitude: 107.1458 },
];
