import type { EntityManager } from "typeorm";
import { User } from "../modules/auth/user.entity";
import { Agency } from "../modules/public-services/agency.entity";
import { filledComponents } from "../modules/public-services/completeness";
import { PublicService } from "../modules/public-services/public-service.entity";
import { AgencyKind, TimeUnit } from "../modules/public-services/public-service.enums";
import { refreshSearchText } from "../modules/public-services/search-text";
import { ServiceStandard } from "../modules/public-services/service-standard.entity";

/**
 * Agencies: real institutions of Kabupaten Bekasi and the Mal Pelayanan Publik's tenants (names are
 * real; codes are ours). Services: real kinds of service; their standards' contents follow what such
 * standards usually say, and every decree number and date below is SYNTHETIC (marked "contoh").
 */
export const DEMO_AGENCIES: Array<{ code: string; name: string; shortName: string; kind: AgencyKind; parent?: string }> = [
  { code: "SETDA", name: "Sekretariat Daerah Kabupaten Bekasi", shortName: "Setda", kind: AgencyKind.SECRETARIAT },
  { code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", shortName: "DPMPTSP", kind: AgencyKind.DINAS },
  { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "Disdukcapil", kind: AgencyKind.DINAS },
  { code: "DINKES", name: "Dinas Kesehatan", shortName: "Dinkes", kind: AgencyKind.DINAS },
  { code: "DINSOS", name: "Dinas Sosial", shortName: "Dinsos", kind: AgencyKind.DINAS },
  { code: "DISDIK", name: "Dinas Pendidikan", shortName: "Disdik", kind: AgencyKind.DINAS },
  { code: "DISNAKER", name: "Dinas Tenaga Kerja", shortName: "Disnaker", kind: AgencyKind.DINAS },
  { code: "DISDAG", name: "Dinas Perdagangan", shortName: "Disdag", kind: AgencyKind.DINAS },
  { code: "BAPENDA", name: "Badan Pendapatan Daerah", shortName: "Bapenda", kind: AgencyKind.BADAN },
  { code: "BALITBANGDA", name: "Badan Penelitian dan Pengembangan Daerah", shortName: "Balitbangda", kind: AgencyKind.BADAN },
  { code: "PKM-CIKARANG", name: "UPTD Puskesmas Cikarang", shortName: "Puskesmas Cikarang", kind: AgencyKind.PUSKESMAS, parent: "DINKES" },
  { code: "PKM-CIBATU", name: "UPTD Puskesmas Cibatu", shortName: "Puskesmas Cibatu", kind: AgencyKind.PUSKESMAS, parent: "DINKES" },
  { code: "SAMSAT", name: "Samsat Kabupaten Bekasi", shortName: "Samsat", kind: AgencyKind.VERTICAL },
  { code: "BPJS-KES", name: "BPJS Kesehatan Kantor Cabang Bekasi", shortName: "BPJS Kesehatan", kind: AgencyKind.VERTICAL },
  { code: "BPJS-TK", name: "BPJS Ketenagakerjaan Cikarang", shortName: "BPJS Ketenagakerjaan", kind: AgencyKind.VERTICAL },
  { code: "KPP-CIKARANG", name: "KPP Pratama Cikarang Utara", shortName: "KPP Pratama", kind: AgencyKind.VERTICAL },
  { code: "TIRTA", name: "Perumda Air Minum Tirta Bhagasasi", shortName: "Tirta Bhagasasi", kind: AgencyKind.BUMD },
  { code: "ATR-BPN", name: "Kantor Pertanahan Kabupaten Bekasi (ATR/BPN)", shortName: "ATR/BPN", kind: AgencyKind.VERTICAL },
  { code: "TASPEN", name: "PT Taspen (Persero) Kantor Cabang Bekasi", shortName: "Taspen", kind: AgencyKind.VERTICAL },
  { code: "POS", name: "Kantor Pos Cikarang", shortName: "Kantor Pos", kind: AgencyKind.OTHER },
  { code: "BJB", name: "Bank bjb Kantor Cabang Cikarang", shortName: "bank bjb", kind: AgencyKind.BANK },
  { code: "IMIGRASI", name: "Kantor Imigrasi Kelas II Non TPI Bekasi", shortName: "Imigrasi", kind: AgencyKind.VERTICAL },
  { code: "POLRES", name: "Kepolisian Resor Metro Bekasi", shortName: "Polres Metro Bekasi", kind: AgencyKind.VERTICAL },
];

interface DemoService {
  agency: string;
  name: string;
  category: string;
  atMpp: boolean;
  onlineUrl?: string;
  requirements: string[];
  procedure: string[];
  time: [number, TimeUnit];
  fee: number;
  feeNote: string;
  product: string;
  /** Components left empty: the incomplete standards the inventory must show. */
  missing?: Array<"legalBasis" | "facilities" | "staffCompetence" | "internalSupervision" | "staffCount" | "serviceGuarantee" | "securityGuarantee" | "performanceEvaluation">;
  /** A draft not published yet (its service stays out of the public catalogue). */
  draftOnly?: boolean;
}

const DUKCAPIL_PROCEDURE = ["Pemohon mengambil nomor antrean", "Petugas memeriksa berkas persyaratan", "Perekaman/verifikasi data", "Pencetakan dokumen", "Dokumen diserahkan kepada pemohon"];

export const DEMO_SERVICES: DemoService[] = [
  { agency: "DISDUKCAPIL", name: "Penerbitan KTP Elektronik (KTP-el)", category: "Kependudukan", atMpp: true,
    requirements: ["Telah berusia 17 tahun, sudah kawin atau pernah kawin", "Fotokopi Kartu Keluarga"], procedure: DUKCAPIL_PROCEDURE,
    time: [1, TimeUnit.DAYS], fee: 0, feeNote: "Tidak dipungut biaya (UU 24/2013)", product: "KTP-el" },
  { agency: "DISDUKCAPIL", name: "Penerbitan Kartu Keluarga", category: "Kependudukan", atMpp: true,
    requirements: ["Buku nikah/akta perkawinan atau kutipan akta perceraian", "Surat keterangan pindah bagi penduduk yang pindah"], procedure: DUKCAPIL_PROCEDURE,
    time: [1, TimeUnit.DAYS], fee: 0, feeNote: "Tidak dipungut biaya (UU 24/2013)", product: "Kartu Keluarga" },
  { agency: "DISDUKCAPIL", name: "Penerbitan Akta Kelahiran", category: "Pencatatan Sipil", atMpp: true,
    requirements: ["Surat keterangan kelahiran dari rumah sakit, puskesmas, bidan atau desa", "Kartu Keluarga", "KTP-el orang tua"], procedure: DUKCAPIL_PROCEDURE,
    time: [1, TimeUnit.DAYS], fee: 0, feeNote: "Tidak dipungut biaya (UU 24/2013)", product: "Kutipan Akta Kelahiran" },
  { agency: "DPMPTSP", name: "Nomor Induk Berusaha (NIB) dan Izin Usaha", category: "Perizinan", atMpp: true, onlineUrl: "https://oss.go.id",
    requirements: ["NIK dan NPWP pelaku usaha", "Data lokasi dan kegiatan usaha (KBLI)"], procedure: ["Pendaftaran akun OSS", "Pengisian data usaha", "Penerbitan NIB oleh sistem OSS"],
    time: [1, TimeUnit.DAYS], fee: 0, feeNote: "Tidak dipungut biaya", product: "Nomor Induk Berusaha" },
  { agency: "DPMPTSP", name: "Persetujuan Bangunan Gedung (PBG)", category: "Perizinan", atMpp: true, onlineUrl: "https://simbg.pu.go.id",
    requirements: ["Dokumen rencana teknis bangunan", "Bukti kepemilikan atau penguasaan tanah", "KTP-el pemohon"],
    procedure: ["Pendaftaran di SIMBG", "Pemeriksaan dokumen oleh Tim Profesi Ahli", "Perhitungan retribusi", "Pembayaran retribusi", "Penerbitan PBG"],
    time: [28, TimeUnit.WORKING_DAYS], fee: 2_500_000, feeNote: "Retribusi PBG menurut luas dan fungsi bangunan (Perda); contoh untuk rumah tinggal 100 m²", product: "Persetujuan Bangunan Gedung",
    missing: ["staffCount", "performanceEvaluation"] },
  { agency: "POLRES", name: "Surat Keterangan Catatan Kepolisian (SKCK)", category: "Keamanan", atMpp: true,
    requirements: ["Fotokopi KTP-el", "Fotokopi Kartu Keluarga", "Pas foto 4x6 latar merah"], procedure: ["Pendaftaran", "Pengambilan sidik jari", "Verifikasi", "Pencetakan SKCK"],
    time: [60, TimeUnit.MINUTES], fee: 30_000, feeNote: "PNBP menurut PP 76/2020", product: "SKCK" },
  { agency: "BAPENDA", name: "Pembayaran Pajak Bumi dan Bangunan (PBB-P2)", category: "Pajak Daerah", atMpp: true,
    requirements: ["SPPT PBB-P2 tahun berjalan"], procedure: ["Petugas memeriksa SPPT", "Pembayaran melalui bank, QRIS atau virtual account", "Bukti bayar diterbitkan"],
    time: [15, TimeUnit.MINUTES], fee: 0, feeNote: "Tidak dipungut biaya layanan; pajak sesuai SPPT", product: "Bukti pembayaran PBB-P2" },
  { agency: "DISDAG", name: "Retribusi Pelayanan Pasar (LAPERA)", category: "Retribusi Daerah", atMpp: false,
    requirements: ["Surat Hak Penempatan (SHPT) kios, los atau lapak"], procedure: ["Petugas pemungut menagih di pasar", "Karcis diserahkan kepada pedagang", "Setoran ke kas daerah"],
    time: [5, TimeUnit.MINUTES], fee: 3_000, feeNote: "Tarif harian lapak kelas I menurut Perda retribusi; berbeda per jenis tempat dan kelas pasar", product: "Karcis retribusi",
    missing: ["internalSupervision", "securityGuarantee", "performanceEvaluation"] },
  { agency: "DISNAKER", name: "Kartu Tanda Pencari Kerja (AK/1)", category: "Ketenagakerjaan", atMpp: true,
    requirements: ["KTP-el domisili Kabupaten Bekasi", "Ijazah terakhir", "Pas foto 3x4"], procedure: ["Pendaftaran", "Verifikasi berkas", "Pencetakan kartu"],
    time: [1, TimeUnit.HOURS], fee: 0, feeNote: "Tidak dipungut biaya", product: "Kartu AK/1",
    missing: ["facilities", "staffCompetence", "internalSupervision", "staffCount", "serviceGuarantee", "securityGuarantee", "performanceEvaluation"] },
  { agency: "DINSOS", name: "Surat Keterangan Terdaftar DTKS", category: "Sosial", atMpp: true,
    requirements: ["KTP-el", "Kartu Keluarga", "Surat pengantar desa/kelurahan"], procedure: ["Pengajuan", "Verifikasi data DTKS", "Penerbitan surat keterangan"],
    time: [3, TimeUnit.WORKING_DAYS], fee: 0, feeNote: "Tidak dipungut biaya", product: "Surat keterangan", draftOnly: true },
  { agency: "IMIGRASI", name: "Penerbitan Paspor", category: "Keimigrasian", atMpp: true, onlineUrl: "https://www.imigrasi.go.id",
    requirements: ["KTP-el", "Kartu Keluarga", "Akta kelahiran, ijazah atau buku nikah"], procedure: ["Pendaftaran daring", "Wawancara dan foto", "Pembayaran PNBP", "Pengambilan paspor"],
    time: [4, TimeUnit.WORKING_DAYS], fee: 350_000, feeNote: "PNBP paspor biasa 48 halaman (PP 28/2019)", product: "Paspor" },
  { agency: "PKM-CIKARANG", name: "Pelayanan Pemeriksaan Umum", category: "Kesehatan", atMpp: false,
    requirements: ["Kartu BPJS Kesehatan atau KTP-el"], procedure: ["Pendaftaran", "Pemeriksaan oleh dokter", "Pengambilan obat"],
    time: [60, TimeUnit.MINUTES], fee: 0, feeNote: "Peserta JKN tidak dipungut biaya", product: "Layanan pemeriksaan dan resep" },
];

const FULL = {
  complaintChannel: "SP4N-LAPOR! (lapor.go.id), kotak saran, dan WhatsApp pengaduan unit",
  legalBasis: "UU 25/2009 tentang Pelayanan Publik; PermenPAN-RB 15/2014 tentang Pedoman Standar Pelayanan",
  facilities: "Ruang tunggu, mesin antrean, toilet, akses kursi roda, ruang laktasi",
  staffCompetence: "Pelaksana memahami prosedur dan aplikasi layanan, berorientasi pelayanan",
  internalSupervision: "Atasan langsung dan Inspektorat Kabupaten Bekasi",
  staffCount: 4,
  serviceGuarantee: "Pelayanan diberikan sesuai standar; maklumat pelayanan dipajang",
  securityGuarantee: "Data pemohon dijaga kerahasiaannya; ruang layanan aman",
  performanceEvaluation: "Survei kepuasan masyarakat setiap semester",
};

export async function seedDemoPublicServices(em: EntityManager, now: Date): Promise<void> {
  const byCode = new Map<string, Agency>();
  for (const a of DEMO_AGENCIES) {
    byCode.set(a.code, await em.save(Agency, {
      code: a.code, name: a.name, shortName: a.shortName, kind: a.kind, parentId: a.parent ? byCode.get(a.parent)!.id : null, active: true,
    }));
  }
  await em.update(User, { username: "editor.dpmptsp" }, { agencyId: byCode.get("DPMPTSP")!.id });
  for (const [i, d] of DEMO_SERVICES.entries()) {
    const agency = byCode.get(d.agency)!;
    const components = { ...FULL };
    for (const key of d.missing ?? []) (components as Record<string, unknown>)[key] = null;
    const standard = {
      requirements: d.requirements, procedure: d.procedure, completionTime: d.time[0], completionUnit: d.time[1], fee: d.fee, feeNote: d.feeNote,
      product: d.product, ...components,
    };
    const published = !d.draftOnly;
    const service = await em.save(PublicService, {
      agencyId: agency.id, name: d.name, category: d.category, description: null, atOffice: true, atMpp: d.atMpp, onlineUrl: d.onlineUrl ?? null,
      active: true, searchText: "",
    });
    await em.save(ServiceStandard, {
      serviceId: service.id, version: 1, ...standard, filledComponents: filledComponents(standard),
      decreeNumber: published ? `800/Kep.${100 + i}-${d.agency}/2025 (contoh)` : null, decreeDate: published ? "2025-01-15" : null,
      createdAt: now, createdById: null, publishedAt: published ? now : null, publishedById: null, supersededAt: null,
    });
  }
  for (const agency of byCode.values()) await refreshSearchText(em, { agencyId: agency.id });
}
