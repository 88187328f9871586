/** KBLI 2020 sections (kategori) A–U with the division ranges each covers. */
export const KBLI_SECTIONS: ReadonlyArray<{ code: string; title: string; from: number; to: number }> = [
  { code: 'A', title: 'Pertanian, Kehutanan dan Perikanan', from: 1, to: 3 },
  { code: 'B', title: 'Pertambangan dan Penggalian', from: 5, to: 9 },
  { code: 'C', title: 'Industri Pengolahan', from: 10, to: 33 },
  { code: 'D', title: 'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin', from: 35, to: 35 },
  { code: 'E', title: 'Pengadaan Air, Pengelolaan Sampah dan Daur Ulang, Pembuangan dan Pembersihan Limbah dan Sampah', from: 36, to: 39 },
  { code: 'F', title: 'Konstruksi', from: 41, to: 43 },
  { code: 'G', title: 'Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor', from: 45, to: 47 },
  { code: 'H', title: 'Pengangkutan dan Pergudangan', from: 49, to: 53 },
  { code: 'I', title: 'Penyediaan Akomodasi dan Penyediaan Makan Minum', from: 55, to: 56 },
  { code: 'J', title: 'Informasi dan Komunikasi', from: 58, to: 63 },
  { code: 'K', title: 'Aktivitas Keuangan dan Asuransi', from: 64, to: 66 },
  { code: 'L', title: 'Real Estat', from: 68, to: 68 },
  { code: 'M', title: 'Aktivitas Profesional, Ilmiah dan Teknis', from: 69, to: 75 },
  { code: 'N', title: 'Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya', from: 77, to: 82 },
  { code: 'O', title: 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib', from: 84, to: 84 },
  { code: 'P', title: 'Pendidikan', from: 85, to: 85 },
  { code: 'Q', title: 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial', from: 86, to: 88 },
  { code: 'R', title: 'Kesenian, Hiburan dan Rekreasi', from: 90, to: 93 },
  { code: 'S', title: 'Aktivitas Jasa Lainnya', from: 94, to: 96 },
  { code: 'T', title: 'Aktivitas Rumah Tangga sebagai Pemberi Kerja; Aktivitas yang Menghasilkan Barang dan Jasa oleh Rumah Tangga yang Digunakan untuk Memenuhi Kebutuhan Sendiri', from: 97, to: 98 },
  { code: 'U', title: 'Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya', from: 99, to: 99 },
];

export function sectionOfDivision(division: string): string | null {
  const n = Number(division);
  return KBLI_SECTIONS.find((s) => n >= s.from && n <= s.to)?.code ?? null;
}
