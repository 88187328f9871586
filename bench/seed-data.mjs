// Reference constants for bench/seed.mjs: where small firms are, what they make, what they are called.
// Figures are rough public orders of magnitude (population per province in millions, mid-2020s;
// province centroids in degrees), good enough to make a benchmark population look like Indonesia.

/** code, population weight (millions), centroid lat, lng, spread (degrees) of regency centres around it. */
export const PROVINCES = [
  ['11', 5.5, 4.4, 96.9, 1.6], // Aceh
  ['12', 15.4, 2.2, 99.3, 1.8], // Sumatera Utara
  ['13', 5.7, -0.8, 100.6, 1.2], // Sumatera Barat
  ['14', 6.7, 0.4, 101.6, 1.4], // Riau
  ['15', 3.7, -1.6, 103.1, 1.2], // Jambi
  ['16', 8.8, -3.3, 104.2, 1.5], // Sumatera Selatan
  ['17', 2.1, -3.6, 102.3, 0.9], // Bengkulu
  ['18', 9.3, -4.9, 105.1, 1.0], // Lampung
  ['19', 1.5, -2.4, 106.3, 0.9], // Kepulauan Bangka Belitung
  ['21', 2.2, 1.0, 104.3, 1.2], // Kepulauan Riau
  ['31', 10.7, -6.2, 106.85, 0.12], // DKI Jakarta
  ['32', 50.0, -6.9, 107.5, 1.0], // Jawa Barat
  ['33', 37.6, -7.2, 110.1, 0.9], // Jawa Tengah
  ['34', 3.7, -7.85, 110.4, 0.25], // DI Yogyakarta
  ['35', 41.5, -7.6, 112.4, 1.2], // Jawa Timur
  ['36', 12.4, -6.35, 106.1, 0.5], // Banten
  ['51', 4.4, -8.4, 115.2, 0.4], // Bali
  ['52', 5.6, -8.6, 117.3, 1.0], // Nusa Tenggara Barat
  ['53', 5.6, -9.3, 121.5, 2.0], // Nusa Tenggara Timur
  ['61', 5.6, 0.0, 110.5, 1.6], // Kalimantan Barat
  ['62', 2.7, -1.7, 113.4, 1.6], // Kalimantan Tengah
  ['63', 4.2, -3.0, 115.3, 0.8], // Kalimantan Selatan
  ['64', 3.9, 0.3, 116.5, 1.6], // Kalimantan Timur
  ['65', 0.7, 3.2, 116.8, 0.9], // Kalimantan Utara
  ['71', 2.7, 1.0, 124.5, 1.0], // Sulawesi Utara
  ['72', 3.1, -1.2, 121.2, 1.5], // Sulawesi Tengah
  ['73', 9.4, -4.4, 119.9, 1.2], // Sulawesi Selatan
  ['74', 2.8, -4.0, 122.3, 1.0], // Sulawesi Tenggara
  ['75', 1.2, 0.65, 122.5, 0.6], // Gorontalo
  ['76', 1.5, -2.6, 119.2, 0.7], // Sulawesi Barat
  ['81', 1.9, -3.3, 129.0, 2.0], // Maluku
  ['82', 1.3, 0.8, 127.6, 1.2], // Maluku Utara
  ['91', 1.0, -2.6, 139.7, 1.2], // Papua
  ['92', 0.57, -1.3, 133.5, 1.0], // Papua Barat
  ['93', 0.53, -7.2, 139.5, 1.2], // Papua Selatan
  ['94', 1.45, -3.6, 136.3, 1.2], // Papua Tengah
  ['95', 1.45, -4.0, 138.9, 0.8], // Papua Pegunungan
  ['96', 0.6, -1.2, 131.8, 0.9], // Papua Barat Daya
];

/**
 * KBLI divisions of small industry: weight (share of firms, %), default capacity unit, monthly
 * output per worker in that unit, a short noun for firm names, and the chance of holding each
 * certification type (a KECIL firm's chance is 1.5×).
 */
export const DIVISIONS = [
  // div, weight, unit, perWorker, noun, { cert: p }
  ['10', 40, 'kg', 400, 'Pangan', { PIRT: 0.55, HALAL: 0.4, BPOM_MD: 0.07, SNI: 0.02, ISO_9001: 0.01, ORGANIC: 0.03 }],
  ['11', 4, 'liter', 1500, 'Minuman', { PIRT: 0.45, HALAL: 0.35, BPOM_MD: 0.15, SNI: 0.05, ISO_9001: 0.02, ORGANIC: 0.01 }],
  ['13', 7, 'meter', 150, 'Tekstil', { SNI: 0.06, ISO_9001: 0.02 }],
  ['14', 12, 'pcs', 120, 'Busana', { SNI: 0.04, ISO_9001: 0.02, HALAL: 0.02 }],
  ['15', 3, 'pcs', 60, 'Kulit', { SNI: 0.05, HALAL: 0.05, ISO_9001: 0.01 }],
  ['16', 9, 'pcs', 50, 'Kayu', { SNI: 0.05, ISO_9001: 0.01 }],
  ['17', 1, 'pcs', 2000, 'Kertas', { SNI: 0.08, ISO_9001: 0.03 }],
  ['22', 2, 'pcs', 1000, 'Plastik', { SNI: 0.1, ISO_9001: 0.04 }],
  ['23', 8, 'buah', 2500, 'Bata', { SNI: 0.12, ISO_9001: 0.02 }],
  ['25', 5, 'pcs', 80, 'Logam', { SNI: 0.1, ISO_9001: 0.03 }],
  ['31', 6, 'unit', 6, 'Mebel', { SNI: 0.03, ISO_9001: 0.02 }],
  ['32', 3, 'pcs', 80, 'Kerajinan', { SNI: 0.02, ISO_9001: 0.01 }],
];

export const CERT_TYPES = ['PIRT', 'HALAL', 'SNI', 'BPOM_MD', 'ISO_9001', 'ORGANIC'];

/**
 * Typical small-industry sub-classes: code → [weight within its division (others weigh 1),
 * noun for names, product variants, unit override, per-worker override]. Weight 0 excludes codes
 * that are not small industry (cement, pulp, tyres, palm-oil refining, weapons, uranium, …).
 */
export const KBLI_HOT = {
  // 10 food
  10794: [
    40,
    'Keripik',
    ['Keripik singkong', 'Keripik pisang', 'Kerupuk udang', 'Kerupuk ikan', 'Rempeyek kacang', 'Keripik tempe', 'Kerupuk kulit'],
  ],
  10792: [30, 'Kue', ['Kue basah', 'Kue lapis', 'Klepon', 'Lemper', 'Onde-onde', 'Nagasari']],
  10710: [30, 'Roti', ['Roti manis', 'Roti tawar', 'Kue kering', 'Bolu', 'Bakpia']],
  10391: [25, 'Tempe', ['Tempe kedelai', 'Tempe bungkus daun', 'Tempe murni']],
  10392: [25, 'Tahu', ['Tahu putih', 'Tahu goreng', 'Tahu kuning', 'Tahu sumedang']],
  10750: [20, 'Dapur', ['Rendang kemasan', 'Abon sapi', 'Sambal botol', 'Frozen food', 'Nasi kotak']],
  10772: [15, 'Bumbu', ['Bumbu pecel', 'Sambal kacang', 'Bumbu rendang', 'Bumbu instan']],
  10761: [15, 'Kopi', ['Kopi bubuk robusta', 'Kopi bubuk arabika', 'Kopi luwak', 'Kopi sangrai']],
  10631: [12, 'Beras', ['Beras premium', 'Beras medium', 'Beras merah']],
  10722: [12, 'Gula Aren', ['Gula merah kelapa', 'Gula aren cetak', 'Gula semut']],
  10211: [10, 'Ikan Asin', ['Ikan asin', 'Ikan teri kering', 'Cumi kering']],
  10796: [8, 'Dodol', ['Dodol garut', 'Dodol nanas', 'Jenang', 'Wajik']],
  10740: [8, 'Mie', ['Mie basah', 'Mie kering', 'Bihun', 'Soun']],
  10799: [8, 'Camilan', ['Camilan', 'Makanan ringan', 'Jajanan pasar']],
  10771: [6, 'Kecap', ['Kecap manis', 'Kecap asin'], 'liter', 300],
  10733: [6, 'Manisan', ['Manisan pala', 'Manisan mangga', 'Manisan salak']],
  10214: [6, 'Pindang', ['Ikan pindang', 'Pindang tongkol']],
  10216: [6, 'Bakso', ['Bakso ikan', 'Otak-otak', 'Pempek']],
  10130: [6, 'Abon', ['Abon sapi', 'Dendeng', 'Sosis', 'Bakso sapi']],
  10212: [5, 'Ikan Asap', ['Ikan asap', 'Ikan panggang']],
  10762: [5, 'Jamu', ['Jamu instan', 'Wedang jahe', 'Teh rosella']],
  10621: [5, 'Tapioka', ['Tepung tapioka', 'Aci']],
  10793: [5, 'Kacang', ['Kacang bawang', 'Kacang atom', 'Susu kedelai']],
  10734: [4, 'Permen', ['Permen jahe', 'Permen susu']],
  10313: [4, 'Sale', ['Sale pisang', 'Keripik buah']],
  10330: [4, 'Sari Buah', ['Sari buah markisa', 'Sirup jeruk', 'Jus jambu'], 'liter', 600],
  10773: [4, 'Kelapa', ['Santan kemasan', 'Kelapa parut kering']],
  10423: [4, 'Minyak Kelapa', ['Minyak kelapa', 'VCO'], 'liter', 300],
  10613: [4, 'Tepung', ['Tepung mocaf', 'Tepung garut', 'Tepung ubi']],
  10510: [3, 'Susu', ['Susu pasteurisasi', 'Yoghurt'], 'liter', 600],
  10531: [3, 'Es Krim', ['Es krim', 'Es puter'], 'liter', 300],
  10763: [3, 'Teh', ['Teh hijau', 'Teh melati']],
  10298: [3, 'Rumput Laut', ['Agar-agar', 'Dodol rumput laut', 'Rumput laut kering']],
  10774: [3, 'Garam', ['Garam beryodium', 'Garam krosok'], 'kg', 3000],
  10801: [2, 'Pakan', ['Pakan ternak', 'Pakan ikan'], 'kg', 2000],
  10411: [0],
  10412: [0],
  10431: [0],
  10432: [0],
  10433: [0],
  10434: [0],
  10435: [0],
  10436: [0],
  10437: [0],
  10490: [0],
  10520: [0],
  10616: [0],
  10623: [0],
  10635: [0],
  10636: [0],
  10721: [0],
  10795: [0],
  10221: [0],
  10222: [0],
  10320: [0],
  // 11 beverages
  11052: [15, 'Depot Air', ['Air minum isi ulang'], 'liter', 6000],
  11040: [10, 'Minuman', ['Minuman jahe', 'Es teh kemasan', 'Minuman sari kedelai']],
  11090: [5, 'Minuman', ['Wedang uwuh', 'Sirup', 'Bandrek']],
  11051: [4, 'Air', ['Air minum kemasan gelas']],
  11010: [0],
  11031: [0],
  11032: [0],
  // 13 textiles
  13134: [30, 'Batik', ['Batik tulis', 'Batik cap', 'Kain batik printing']],
  13122: [12, 'Tenun', ['Kain tenun ikat', 'Songket', 'Ulos', 'Sarung tenun']],
  13121: [6, 'Tenun', ['Kain tenun', 'Sarung ATBM']],
  13921: [6, 'Tekstil', ['Sprei', 'Gorden', 'Taplak meja'], 'pcs', 150],
  13912: [4, 'Sulam', ['Kain sulaman', 'Kain bordir']],
  13923: [4, 'Bantal', ['Bantal', 'Guling'], 'pcs', 150],
  13929: [3, 'Tekstil', ['Tas kain', 'Keset'], 'pcs', 150],
  13941: [2, 'Tali', ['Tali tambang', 'Tali rami'], 'kg', 300],
  13111: [0],
  13112: [0],
  13113: [0],
  13123: [0],
  13913: [0],
  13991: [0],
  13992: [0],
  13993: [0],
  13994: [0],
  13996: [0],
  // 14 apparel
  14111: [35, 'Konveksi', ['Kaos', 'Kemeja', 'Seragam sekolah', 'Celana', 'Gamis', 'Jaket']],
  14120: [20, 'Penjahit', ['Jahit pakaian pesanan', 'Kebaya', 'Seragam kantor']],
  14302: [10, 'Bordir', ['Kerudung bordir', 'Mukena bordir', 'Baju bordir']],
  14301: [5, 'Rajut', ['Sweater rajut', 'Topi rajut']],
  14131: [5, 'Aksesoris', ['Kerudung', 'Peci', 'Dasi']],
  14303: [3, 'Kaos Kaki', ['Kaos kaki']],
  14200: [0.5],
  // 15 leather and footwear
  15201: [20, 'Sepatu', ['Sandal kulit', 'Sepatu kulit', 'Sandal jepit', 'Selop'], 'pasang', 60],
  15121: [15, 'Kulit', ['Tas kulit', 'Dompet kulit', 'Ikat pinggang kulit']],
  15112: [3, 'Kulit', ['Kulit samak'], 'lembar', 100],
  15209: [3, 'Sepatu', ['Sepatu anak', 'Sandal hias'], 'pasang', 60],
  15202: [1, 'Sepatu', ['Sepatu olahraga'], 'pasang', 60],
  15203: [0.5, 'Sepatu', ['Sepatu kerja'], 'pasang', 60],
  // 16 wood, bamboo, rattan
  16291: [25, 'Anyaman', ['Keranjang bambu', 'Tampah', 'Anyaman rotan', 'Besek']],
  16293: [15, 'Ukir', ['Ukiran kayu', 'Patung kayu', 'Topeng kayu']],
  16101: [12, 'Kayu', ['Kayu gergajian', 'Balok kayu', 'Papan kayu'], 'm3', 8],
  16221: [10, 'Kusen', ['Kusen pintu', 'Jendela kayu', 'Kusen jendela'], 'unit', 10],
  16294: [8, 'Perabot', ['Cobek kayu', 'Talenan', 'Sendok kayu']],
  16292: [6, 'Anyaman', ['Tikar pandan', 'Tas pandan', 'Anyaman eceng gondok']],
  16299: [4, 'Kayu', ['Kerajinan kayu', 'Hiasan dinding kayu']],
  16230: [3, 'Peti', ['Peti kayu', 'Palet kayu']],
  16295: [3, 'Arang', ['Kayu bakar', 'Arang kayu'], 'kg', 1500],
  16211: [0],
  16212: [0],
  16213: [0],
  16214: [0],
  16105: [0],
  // 17 paper
  17022: [10, 'Kemasan', ['Kotak karton', 'Dus makanan', 'Paper bag']],
  17099: [6, 'Kertas', ['Kertas daur ulang', 'Amplop', 'Kertas seni']],
  17011: [0],
  17012: [0],
  17013: [0],
  17014: [0],
  17021: [0],
  17091: [0],
  // 22 rubber and plastic
  22220: [8, 'Plastik', ['Kantong plastik', 'Botol plastik', 'Standing pouch']],
  22299: [6, 'Plastik', ['Ember plastik', 'Keranjang plastik']],
  22292: [5, 'Plastik', ['Toples plastik', 'Gayung']],
  22112: [5, 'Vulkanisir', ['Vulkanisir ban'], 'unit', 40],
  22121: [3, 'Karet', ['Karet asap (RSS)'], 'kg', 1500],
  22191: [3, 'Karet', ['Karet gelang', 'Keset karet']],
  22111: [0],
  22122: [0],
  22123: [0],
  // 23 non-metallic minerals
  23921: [30, 'Bata', ['Batu bata merah', 'Bata press']],
  23922: [15, 'Genteng', ['Genteng tanah liat', 'Genteng press']],
  23932: [12, 'Gerabah', ['Gerabah', 'Kendi', 'Pot tanah liat', 'Tungku'], 'pcs', 300],
  23951: [10, 'Batako', ['Batako', 'Paving block', 'Buis beton']],
  23963: [6, 'Batu Alam', ['Cobek batu', 'Batu alam', 'Patung batu'], 'pcs', 200],
  23953: [4, 'Beton', ['Paving block', 'Kanstin']],
  23939: [4, 'Keramik', ['Keramik hias', 'Vas keramik'], 'pcs', 200],
  23942: [3, 'Kapur', ['Kapur tohor'], 'kg', 3000],
  23111: [0],
  23112: [0],
  23122: [0],
  23124: [0],
  23911: [0],
  23923: [0],
  23941: [0],
  23955: [0],
  23956: [0],
  23957: [0],
  // 25 fabricated metal
  25931: [15, 'Pandai Besi', ['Cangkul', 'Sabit', 'Parang', 'Golok']],
  25992: [10, 'Logam', ['Panci aluminium', 'Wajan', 'Dandang']],
  25111: [10, 'Las', ['Teralis besi', 'Pagar besi', 'Kanopi', 'Pintu besi']],
  25920: [8, 'Bubut', ['Jasa bubut', 'Jasa las', 'Komponen mesin bubut']],
  25112: [6, 'Aluminium', ['Kusen aluminium', 'Jendela aluminium']],
  25999: [5, 'Logam', ['Kerajinan logam', 'Gantungan kunci logam']],
  25933: [4, 'Pisau', ['Pisau dapur', 'Gunting']],
  25940: [3, 'Kaleng', ['Kaleng kerupuk', 'Ember seng']],
  25910: [2, 'Cor Logam', ['Cor logam', 'Tempa']],
  25200: [0],
  25130: [0],
  25113: [0],
  // 31 furniture
  31001: [40, 'Mebel', ['Meja kayu', 'Kursi kayu', 'Lemari jati', 'Tempat tidur kayu']],
  31002: [12, 'Mebel Rotan', ['Kursi rotan', 'Sofa rotan', 'Meja bambu']],
  31004: [5, 'Mebel Besi', ['Kursi besi', 'Rak besi']],
  31009: [2],
  // 32 other manufacturing
  32903: [30, 'Kerajinan', ['Kerajinan tangan', 'Souvenir', 'Kerajinan kerang', 'Suvenir pernikahan']],
  32112: [10, 'Perak', ['Perhiasan perak', 'Cincin perak', 'Kerajinan perak']],
  32120: [10, 'Aksesoris', ['Gelang manik-manik', 'Kalung imitasi', 'Bros']],
  32201: [6, 'Gamelan', ['Gamelan', 'Angklung', 'Sasando', 'Kendang']],
  32402: [6, 'Mainan', ['Mainan kayu', 'Wayang kulit', 'Boneka']],
  32905: [5, 'Sabut', ['Serat sabut kelapa', 'Keset sabut', 'Cocopeat'], 'kg', 600],
  32115: [2, 'Mutiara', ['Perhiasan mutiara']],
  32114: [0],
  32501: [0],
  32502: [0],
  32503: [0],
  32509: [0],
  32906: [0],
  32907: [0],
};

export const NAME_WORDS = [
  'Sumber',
  'Berkah',
  'Makmur',
  'Jaya',
  'Rejeki',
  'Sejahtera',
  'Mandiri',
  'Abadi',
  'Sentosa',
  'Maju',
  'Barokah',
  'Lestari',
  'Sari',
  'Tunas',
  'Karya',
  'Mulia',
  'Indah',
  'Bersama',
  'Baru',
  'Agung',
  'Citra',
  'Cahaya',
  'Putra',
  'Putri',
  'Sinar',
  'Mekar',
  'Harapan',
  'Bintang',
  'Mutiara',
  'Rizki',
  'Amanah',
  'Nusantara',
  'Kencana',
  'Utama',
  'Sakti',
  'Tani',
  'Rasa',
  'Anugerah',
  'Mitra',
  'Surya',
  'Wijaya',
  'Kusuma',
  'Arta',
  'Sehati',
  'Bahagia',
  'Lancar',
  'Subur',
  'Murni',
  'Asri',
  'Sejati',
  'Mekarsari',
  'Tirta',
  'Dewi',
  'Pelangi',
  'Permata',
];
export const FEMALE_NAMES = [
  'Siti',
  'Sri',
  'Dewi',
  'Rina',
  'Yanti',
  'Nur',
  'Suparmi',
  'Ani',
  'Lina',
  'Fitri',
  'Putri',
  'Dian',
  'Ratna',
  'Tuti',
  'Wati',
  'Ketut Ayu',
  'Made Sari',
  'Maria',
  'Yohana',
  'Endang',
  'Sumarni',
  'Aminah',
  'Lestari',
  'Rahmawati',
  'Nining',
  'Eka',
  'Yuli',
  'Hartini',
  'Sulastri',
  'Ernawati',
];
export const MALE_NAMES = [
  'Budi',
  'Agus',
  'Ahmad',
  'Wayan',
  'Made',
  'Ketut',
  'Yohanes',
  'Hendra',
  'Rudi',
  'Asep',
  'Ujang',
  'Dedi',
  'Teguh',
  'Slamet',
  'Sutrisno',
  'Rahmat',
  'Hasan',
  'Rizky',
  'Andi',
  'Muhammad',
  'Eko',
  'Joko',
  'Bambang',
  'Yusuf',
  'Ismail',
  'Darmawan',
  'Hotman',
  'Fadli',
  'Iwan',
  'Supri',
];
export const FEMALE_TITLES = ['Bu', 'Bu', 'Mbak', 'Hj.', 'Ibu'];
export const MALE_TITLES = ['Pak', 'Pak', 'Mas', 'H.', 'Bang'];
export const STREETS = [
  'Jl. Raya',
  'Jl. Masjid',
  'Jl. Pemuda',
  'Jl. Melati',
  'Jl. Kenanga',
  'Jl. Pahlawan',
  'Jl. Sawo',
  'Jl. Mawar',
  'Jl. Flamboyan',
  'Jl. Anggrek',
  'Jl. Delima',
  'Jl. Cempaka',
  'Jl. Pasar',
  'Jl. Merdeka',
];
export const MOBILE_PREFIXES = ['812', '813', '821', '822', '852', '853', '857', '858', '877', '878', '895', '896', '838'];
export const NEEDS = [
  // need, chance a firm names it
  ['CAPITAL', 0.65],
  ['MARKETING', 0.55],
  ['RAW_MATERIALS', 0.35],
  ['TECHNOLOGY', 0.3],
  ['MANAGEMENT', 0.25],
  ['BUREAUCRACY', 0.2],
  ['INFRASTRUCTURE', 0.15],
  ['PARTNERSHIP', 0.4],
];

export const SUPPORT_BY_PATTERN = {
  INTI_PLASMA: ['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING', 'OTHER_ASSISTANCE'],
  SUBCONTRACT: ['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING'],
};

export const PARTNER_WORDS = [
  'Nusantara',
  'Sentosa',
  'Abadi',
  'Mandiri',
  'Jaya',
  'Makmur',
  'Prima',
  'Utama',
  'Indo',
  'Global',
  'Mulia',
  'Perkasa',
  'Gemilang',
  'Cemerlang',
  'Raya',
  'Lestari',
  'Sejahtera',
  'Agung',
  'Kencana',
  'Bumi',
];
export const PARTNER_SECTOR_WORDS = {
  10: ['Pangan', 'Food Industries', 'Boga', 'Snack Indonesia'],
  11: ['Beverages', 'Tirta', 'Minuman'],
  13: ['Textile', 'Tekstil', 'Kain'],
  14: ['Garmen', 'Apparel', 'Busana'],
  15: ['Footwear', 'Kulit'],
  16: ['Timber', 'Kayu', 'Bambu'],
  17: ['Packaging', 'Kertas'],
  22: ['Plastindo', 'Polimer'],
  23: ['Keramik', 'Bangun'],
  25: ['Metal Works', 'Logam', 'Baja'],
  31: ['Furniture', 'Mebel'],
  32: ['Kriya', 'Handicraft', 'Craft'],
};
export const PIC_POSITIONS = [
  'Manajer Kemitraan',
  'Kepala Divisi Sourcing',
  'Manajer Pengadaan',
  'Manajer Kemitraan Plasma',
  'Kepala Bagian Kemitraan UMK',
  'Manajer Rantai Pasok',
];
