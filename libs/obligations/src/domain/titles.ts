import { ASPECT_LABEL, activityLabel, type CoachingAspect } from './session.js';

/** Commitment types (PP 44/1997 Pasal 3 and 4) as the Indonesian titles of their obligations read them. */
const COMMITMENT_LABEL: Record<string, string> = {
  LAND: 'penyediaan dan penyiapan lahan',
  PRODUCTION_INPUTS: 'penyediaan sarana produksi',
  TECHNICAL_GUIDANCE: 'bimbingan teknis produksi dan manajemen',
  TECHNOLOGY: 'perolehan, penguasaan dan peningkatan teknologi',
  FINANCING: 'pembiayaan',
  OTHER_ASSISTANCE: 'bantuan lain untuk efisiensi dan produktivitas',
  PRODUCTION_WORK: 'kesempatan mengerjakan sebagian produksi',
  RAW_MATERIAL_SUPPLY: 'pasokan bahan baku',
};

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Shown to people: Indonesian, the product's first language. */
export const TITLES = {
  progressReport: (label: string, start: string, end: string) => `Laporan perkembangan kemitraan ${label} (${start} s.d. ${end})`,
  appointPic: () => 'Menunjuk penanggung jawab kemitraan',
  honourAgreement: (type: string, description: string) => `Memenuhi komitmen ${COMMITMENT_LABEL[type] ?? type}: ${clip(description)}`,
  coaching: (aspect: CoachingAspect, activity: string, topic: string, day: string) =>
    `Pembinaan ${ASPECT_LABEL[aspect] ?? aspect} (${activityLabel(activity)}) pada ${day}: ${clip(topic)}`,
  caseRemedy: (caseNumber: string, requiredRemedy: string) => `Laporan pemulihan kasus ${caseNumber}: ${clip(requiredRemedy.trim())}`,
};
