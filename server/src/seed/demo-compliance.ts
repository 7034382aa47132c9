import type { EntityManager } from "typeorm";
import { Agency } from "../modules/public-services/agency.entity";
import { ComplianceAssessment } from "../modules/compliance/compliance-assessment.entity";
import { CompliancePublishedAverage } from "../modules/compliance/compliance-published-average.entity";
import { ComplianceTarget } from "../modules/compliance/compliance-target.entity";

/**
 * Ombudsman compliance of Kabupaten Bekasi. Every figure below is REAL (glossary, "Ombudsman
 * compliance assessment"): the seven units assessed in 2022 with their published scores, the regency
 * averages published for 2022 (73,02, C), 2023 (83,22, B) and 2024 (87,88, B), and the target for
 * 2025 (above 90, recorded as 90,00). Nothing is invented: the 2023 and 2024 unit scores are not
 * known here, so those years carry the published average only, and no unit has a synthetic score.
 * Scores are hundredths (8270 = 82,70).
 */
export const DEMO_COMPLIANCE_2022: ReadonlyArray<{ agency: string; scoreHundredths: number }> = [
  { agency: "DPMPTSP", scoreHundredths: 82_70 },
  { agency: "DISDUKCAPIL", scoreHundredths: 77_45 },
  { agency: "DINKES", scoreHundredths: 66_29 },
  { agency: "DINSOS", scoreHundredths: 62_72 },
  { agency: "DISDIK", scoreHundredths: 62_62 },
  { agency: "PKM-CIKARANG", scoreHundredths: 83_48 },
  { agency: "PKM-CIBATU", scoreHundredths: 75_91 },
];

export const DEMO_PUBLISHED_AVERAGES: ReadonlyArray<{ year: number; averageHundredths: number }> = [
  { year: 2022, averageHundredths: 73_02 },
  { year: 2023, averageHundredths: 83_22 },
  { year: 2024, averageHundredths: 87_88 },
];

const REAL = "Data riil (real figure)";
const SOURCE = "Ombudsman RI, Penilaian Kepatuhan Standar Pelayanan Publik";

export async function seedDemoCompliance(em: EntityManager, now: Date): Promise<void> {
  const stamps = { createdAt: now, updatedAt: now };
  for (const unit of DEMO_COMPLIANCE_2022) {
    const agency = await em.findOneByOrFail(Agency, { code: unit.agency });
    await em.insert(ComplianceAssessment, {
      agencyId: agency.id, year: 2022, scoreHundredths: unit.scoreHundredths, inputScoreHundredths: null, processScoreHundredths: null,
      outputScoreHundredths: null, complaintsScoreHundredths: null, assessor: "Ombudsman RI", note: `${REAL}: ${SOURCE} 2022`, ...stamps,
    });
  }
  for (const p of DEMO_PUBLISHED_AVERAGES) {
    await em.insert(CompliancePublishedAverage, { year: p.year, averageHundredths: p.averageHundredths, source: `${SOURCE} ${p.year}`, note: REAL, ...stamps });
  }
  await em.insert(ComplianceTarget, { year: 2025, targetHundredths: 90_00, basis: `Target Pemerintah Kabupaten Bekasi 2025: di atas 90 (${REAL})`, ...stamps });
}
