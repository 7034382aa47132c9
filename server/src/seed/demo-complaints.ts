import type { EntityManager } from "typeorm";
import { addDays } from "../common/local-date";
import { addWorkingDays } from "../common/working-days";
import { User } from "../modules/auth/user.entity";
import { Complaint } from "../modules/complaints/complaint.entity";
import { ComplaintFollowUp } from "../modules/complaints/complaint-follow-up.entity";
import { ComplaintChannel, ComplaintClassification, ComplaintStatus, ComplaintTag } from "../modules/complaints/complaint.enums";
import { DEFAULT_COMPLAINT_SLA, endOfJakartaDay, followUpDueDate, resolveDueDate, verifyDueDate } from "../modules/complaints/complaint-sla";
import { Market } from "../modules/markets/market.entity";
import { Agency } from "../modules/public-services/agency.entity";
import { jakartaTime } from "./demo-history";
import { createRandom, type Random } from "./random";

/**
 * SYNTHETIC demo complaints: every tracking number, text, date and outcome below is invented (tracking
 * numbers start with "DEMO-"). About 60 reports over the last four months, disposed to demo agencies;
 * three agencies lag (late or missing follow-ups, overdue complaints), and two PUNGLI reports concern
 * Pasar Baru Cikarang. Deadlines use the default service levels (3 / 5 working days, 60 days) and no
 * holidays.
 */
const COUNT = 60;
const SPAN_DAYS = 120;
const LAGGING = new Set(["DISDUKCAPIL", "TIRTA", "DINKES"]);

/** Subjects per agency (synthetic, as the public writes them). */
const TOPICS: Record<string, { category: string; subjects: string[] }> = {
  DISDUKCAPIL: { category: "Kependudukan", subjects: ["KTP-el belum jadi setelah 3 bulan", "Antrean Kartu Keluarga terlalu panjang", "Akta kelahiran salah ketik nama"] },
  DPMPTSP: { category: "Perizinan", subjects: ["Status PBG tidak berubah di OSS", "NIB ditolak tanpa alasan", "Petugas loket MPP tidak ramah"] },
  TIRTA: { category: "Air bersih", subjects: ["Air PDAM mati tiga hari", "Tagihan air melonjak tanpa pemakaian", "Air keruh dan berbau"] },
  DINKES: { category: "Kesehatan", subjects: ["Antrean puskesmas sejak subuh", "Obat di puskesmas kosong", "Ambulans desa sulit dihubungi"] },
  DISDIK: { category: "Pendidikan", subjects: ["Pungutan seragam di SD negeri", "Zonasi PPDB tidak sesuai alamat", "Atap ruang kelas bocor"] },
  DINSOS: { category: "Sosial", subjects: ["Bansos tidak diterima padahal terdaftar DTKS", "Data PKH belum diperbarui"] },
  BAPENDA: { category: "Pajak daerah", subjects: ["SPPT PBB tidak sampai", "Denda PBB padahal sudah bayar"] },
  DISNAKER: { category: "Ketenagakerjaan", subjects: ["Kartu kuning lama diproses", "Pesangon belum dibayar perusahaan"] },
};
const AGENCY_CODES = Object.keys(TOPICS);
const CHANNELS = Object.values(ComplaintChannel);

interface Step {
  at: Date;
  text: string;
  from: ComplaintStatus | null;
  to: ComplaintStatus | null;
}

interface Plan {
  complaint: Partial<Complaint>;
  steps: Step[];
  authorId: number;
}

export async function seedDemoComplaints(em: EntityManager, options: { seedNumber: number; today: string; now: Date }): Promise<void> {
  const random = createRandom(options.seedNumber ^ 0x5b4e);
  const agencies = new Map((await em.find(Agency)).map((a) => [a.code, a.id]));
  const market = await em.findOneBy(Market, { code: "PBC" });
  const admin = await em.findOneByOrFail(User, { username: "admin" });
  const editor = await em.findOneBy(User, { username: "editor.dpmptsp" });
  const plans: Plan[] = [];
  for (let i = 0; i < COUNT; i++) {
    const pungli = market !== null && (i === 7 || i === 31);
    const code = pungli ? "DISDAG" : AGENCY_CODES[i % AGENCY_CODES.length];
    const topic = TOPICS[code] ?? { category: "Pasar", subjects: [] };
    const day = addDays(options.today, -SPAN_DAYS + Math.floor((i * SPAN_DAYS) / COUNT) + random.int(0, 1));
    const plan = planOne(random, {
      i, day, now: options.now, lagging: LAGGING.has(code), agencyId: agencies.get(code) ?? null,
      authorId: code === "DPMPTSP" && editor ? editor.id : admin.id,
    });
    Object.assign(plan.complaint, pungli
      ? { category: "Pasar", subject: "Pungutan di luar karcis resmi di Pasar Baru Cikarang", marketId: market.id, tags: [ComplaintTag.PUNGLI, ComplaintTag.FEES],
        text: "Pedagang lapak ditarik uang tambahan oleh oknum petugas di luar karcis retribusi (laporan sintetis)." }
      : { category: topic.category, subject: random.pick(topic.subjects), marketId: null, tags: [], text: "Isi laporan sintetis untuk data demo." });
    plans.push(plan);
  }
  await em.insert(Complaint, plans.map((p) => p.complaint));
  const ids = new Map((await em.find(Complaint, { select: { id: true, trackingNumber: true } })).map((c) => [c.trackingNumber, c.id]));
  const entries = plans.flatMap((p) => p.steps.map((s) => ({
    complaintId: ids.get(p.complaint.trackingNumber!)!, authorId: p.authorId, text: s.text, statusFrom: s.from, statusTo: s.to, createdAt: s.at,
  })));
  for (let k = 0; k < entries.length; k += 200) await em.insert(ComplaintFollowUp, entries.slice(k, k + 200));
}

/** One complaint's history up to `now`: each step happens only if its time has come. */
function planOne(random: Random, o: { i: number; day: string; now: Date; lagging: boolean; agencyId: number | null; authorId: number }): Plan {
  const sla = DEFAULT_COMPLAINT_SLA;
  const receivedAt = jakartaTime(o.day, random.int(7, 20), random.int(0, 59));
  const c: Partial<Complaint> = {
    trackingNumber: `DEMO-${o.day.slice(0, 4)}-${String(o.i + 1).padStart(4, "0")}`, channel: random.pick(CHANNELS),
    classification: o.i % 10 === 3 ? ComplaintClassification.ASPIRASI : o.i % 10 === 6 ? ComplaintClassification.PERMINTAAN_INFORMASI : ComplaintClassification.PENGADUAN,
    status: ComplaintStatus.RECEIVED, receivedAt, agencyId: null, verifiedAt: null, disposedAt: null, firstFollowUpAt: null, resolvedAt: null,
    lastActionAt: receivedAt, verifyDueAt: endOfJakartaDay(verifyDueDate(receivedAt, sla)), followUpDueAt: null,
    resolveDueAt: endOfJakartaDay(resolveDueDate(receivedAt, sla)), createdAt: receivedAt, updatedAt: receivedAt,
  };
  const steps: Step[] = [];
  const plan: Plan = { complaint: c, steps, authorId: o.authorId };
  const due = (at: Date) => at <= o.now;
  const move = (to: ComplaintStatus, at: Date, text: string | null) => {
    if (text !== null) steps.push({ at, text, from: c.status!, to });
    if (c.status === ComplaintStatus.RECEIVED) c.verifiedAt = at;
    if (to === ComplaintStatus.RESOLVED) c.resolvedAt = at;
    if (text !== null && c.disposedAt && !c.firstFollowUpAt) c.firstFollowUpAt = at;
    c.status = to;
    c.lastActionAt = at;
    c.updatedAt = at;
  };

  // Verification by the regency's administrator: usually within two working days, now and then late.
  const verifiedOn = addWorkingDays(o.day, o.i % 13 === 5 ? 4 : random.int(1, 2));
  const verifiedAt = jakartaTime(verifiedOn, random.int(8, 15), random.int(0, 59));
  if (!due(verifiedAt)) return plan;
  if (o.i % 17 === 9) {
    move(ComplaintStatus.NOT_OUR_AUTHORITY, verifiedAt, "Bukan kewenangan pemerintah kabupaten; diteruskan ke instansi vertikal (sintetis).");
    return plan;
  }
  move(ComplaintStatus.VERIFIED, verifiedAt, null);
  if (o.agencyId === null) return plan;
  const disposedOn = addWorkingDays(verifiedOn, random.int(0, 1));
  const disposedAt = jakartaTime(disposedOn, 16, random.int(0, 59));
  if (!due(disposedAt)) return plan;
  move(ComplaintStatus.DISPOSED, disposedAt, null);
  Object.assign(c, { agencyId: o.agencyId, disposedAt, followUpDueAt: endOfJakartaDay(followUpDueDate(disposedAt, sla)) });

  // Follow-up by the agency: on time (1-4 working days); lagging agencies answer a third late, the rest never.
  if (o.lagging && o.i % 3 !== 0) return plan;
  const followUpDays = o.lagging ? random.int(6, 12) : random.int(1, 4);
  const followUpOn = addWorkingDays(disposedOn, followUpDays);
  const followUpAt = jakartaTime(followUpOn, random.int(9, 16), random.int(0, 59));
  if (!due(followUpAt) || followUpAt < disposedAt) return plan;
  move(ComplaintStatus.IN_PROGRESS, followUpAt, "Laporan diterima dan sedang ditindaklanjuti oleh unit terkait (sintetis).");

  // Resolution: most within weeks; lagging agencies take longer and sometimes defer.
  if (o.lagging && o.i % 4 === 1) {
    const deferredAt = jakartaTime(addDays(followUpOn, 1), 10);
    if (due(deferredAt)) move(ComplaintStatus.DEFERRED, deferredAt, "Ditunda menunggu anggaran perbaikan (sintetis).");
    return plan;
  }
  const resolveDay = addDays(followUpOn, o.lagging ? random.int(25, 70) : random.int(3, 35));
  const resolvedAt = jakartaTime(resolveDay, random.int(9, 16), random.int(0, 59));
  if (!due(resolvedAt)) return plan;
  move(ComplaintStatus.RESOLVED, resolvedAt, "Permasalahan telah diselesaikan dan pelapor telah dihubungi (sintetis).");
  const archivedAt = jakartaTime(addDays(resolveDay, 14), 10);
  if (due(archivedAt) && o.i % 3 === 0) move(ComplaintStatus.ARCHIVED, archivedAt, "Diarsipkan setelah selesai (sintetis).");
  return plan;
}
