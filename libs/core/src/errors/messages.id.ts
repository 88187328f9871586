/**
 * Indonesian wording for the field-error messages (`errors: [{ field, message }]`) the API writes in English.
 * Used when the caller prefers Indonesian (`Accept-Language: id`). Field names, codes, enum values, example
 * values and numbers are kept as the API spells them; only the words around them are translated.
 */

/** English field-error message → Indonesian, exact match. */
export const EXACT_ID: Readonly<Record<string, string>> = {
  'a quantity needs its unit (kg, pcs, ha…)': 'jumlah harus disertai satuannya (kg, pcs, ha…)',
  'activity must not be empty': 'activity tidak boleh kosong',
  'agreementId must be a UUID': 'agreementId harus berupa UUID',
  'annualSalesIdr or netAssetsIdr is needed to classify the organisation':
    'annualSalesIdr atau netAssetsIdr wajib diisi untuk menentukan kelas usaha organisasi',
  'applies to MINISTRY officers only': 'hanya berlaku untuk petugas MINISTRY',
  'bad region': 'wilayah tidak valid',
  'certification must be an upper-case code such as HALAL': 'certification harus berupa kode huruf kapital seperti HALAL',
  'closesAt must be an ISO 8601 timestamp with a zone, e.g. 2026-12-31T17:00:00+07:00':
    'closesAt harus berupa cap waktu ISO 8601 dengan zona waktu, mis. 2026-12-31T17:00:00+07:00',
  'contactPhone must be a telephone number': 'contactPhone harus berupa nomor telepon',
  'cursor is not one this API issued for this sort and order':
    'cursor bukan cursor yang diterbitkan API ini untuk sort dan order ini',
  'cursor is not one this API issued': 'cursor bukan cursor yang diterbitkan API ini',
  'dataset applies to format=csv only': 'dataset hanya berlaku untuk format=csv',
  'dataset must be agreements or obligations': 'dataset harus agreements atau obligations',
  'each province code must be 2 digits': 'setiap kode provinsi harus 2 digit',
  'email must be an e-mail address': 'email harus berupa alamat email',
  'enterpriseId must be a UUID': 'enterpriseId harus berupa UUID',
  'entityType and entityId are required unless you are MINISTRY or ADMIN':
    'entityType dan entityId wajib diisi kecuali peran Anda MINISTRY atau ADMIN',
  'findingId must be a UUID': 'findingId harus berupa UUID',
  'format must be csv or ocds': 'format harus csv atau ocds',
  'from must be a date YYYY-MM-DD': 'from harus berupa tanggal dengan format YYYY-MM-DD',
  'from must be a date that exists': 'from harus berupa tanggal yang ada di kalender',
  'given a message': 'diberi pesan',
  'is already registered': 'sudah terdaftar',
  'is given only when a violation was found (violation: true)': 'hanya diisi jika ditemukan pelanggaran (violation: true)',
  'is not a refresh token of yours': 'bukan refresh token milik Anda',
  'is not the agreement of the finding': 'bukan perjanjian yang terkait dengan temuan tersebut',
  'is not the partner of the agreement': 'bukan mitra dalam perjanjian tersebut',
  'is not the partner of the finding': 'bukan mitra yang terkait dengan temuan tersebut',
  'is required when a violation was found': 'wajib diisi jika ditemukan pelanggaran',
  'kbli must be a KBLI code prefix of 2–5 digits': 'kbli harus berupa awalan kode KBLI sepanjang 2–5 digit',
  'kbli must be a KBLI section letter (A–U) or a code prefix of 2 to 5 digits':
    'kbli harus berupa huruf kategori KBLI (A–U) atau awalan kode sepanjang 2 sampai 5 digit',
  'kind must be a notification kind such as APPLICATION_SUBMITTED':
    'kind harus berupa jenis notifikasi seperti APPLICATION_SUBMITTED',
  'mine must be true or false': 'mine harus bernilai true atau false',
  'must be 1–200 characters of letters, digits, ".", ":", "_" or "-"':
    'harus 1–200 karakter yang terdiri atas huruf, angka, ".", ":", "_" atau "-"',
  'name the partner or the agreement the case is on, or the finding it comes from':
    'sebutkan mitra atau perjanjian yang menjadi pokok kasus, atau temuan yang menjadi asal kasus',
  'only partner members have opportunities of their own': 'hanya pengguna dari organisasi mitra yang memiliki peluang sendiri',
  'opportunityId must be a UUID': 'opportunityId harus berupa UUID',
  'order must be asc or desc': 'order harus asc atau desc',
  'parent must be a province, regency or district code (NN, NN.NN, NN.NN.NN)':
    'parent harus berupa kode provinsi, kabupaten/kota, atau kecamatan (NN, NN.NN, NN.NN.NN)',
  'partner and partnerId name the same filter; send one, or the same value':
    'partner dan partnerId adalah filter yang sama; kirim salah satunya, atau keduanya dengan nilai yang sama',
  'partner must be a UUID': 'partner harus berupa UUID',
  'partnerId must be a UUID': 'partnerId harus berupa UUID',
  'password must be at least 10 characters': 'password paling sedikit 10 karakter',
  'periodTo must not be before periodFrom': 'periodTo tidak boleh sebelum periodFrom',
  'phone must be a telephone number': 'phone harus berupa nomor telepon',
  'prefix must be 1–5 digits': 'prefix harus 1–5 digit',
  'province must be a 2-digit Kemendagri province code': 'province harus berupa kode provinsi Kemendagri 2 digit',
  'province must be a 2-digit Kemendagri province code, e.g. 33':
    'province harus berupa kode provinsi Kemendagri 2 digit, mis. 33',
  'region must be a Kemendagri code (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN)':
    'region harus berupa kode wilayah Kemendagri (NN, NN.NN, NN.NN.NN atau NN.NN.NN.NNNN)',
  'role must be MINISTRY or ADMIN': 'role harus MINISTRY atau ADMIN',
  'say what to revise when asking for a revision': 'sebutkan apa yang perlu direvisi saat meminta revisi',
  'scheduledAt must be an ISO 8601 date-time with a zone, e.g. 2026-03-02T09:00:00+07:00':
    'scheduledAt harus berupa tanggal dan waktu ISO 8601 dengan zona waktu, mis. 2026-03-02T09:00:00+07:00',
  'send a file, a url or a note': 'kirim berkas (file), tautan (url), atau catatan (note)',
  'send a text, an attachment, or both': 'kirim teks, lampiran, atau keduanya',
  'send each attachment as a part named "file"': 'kirim setiap lampiran sebagai bagian bernama "file"',
  'send one file per request': 'kirim satu berkas per permintaan',
  'send the evidence file as the part named "file"': 'kirim berkas bukti sebagai bagian bernama "file"',
  'sent more than once': 'dikirim lebih dari sekali',
  'to must be a date YYYY-MM-DD': 'to harus berupa tanggal dengan format YYYY-MM-DD',
  'to must be a date that exists': 'to harus berupa tanggal yang ada di kalender',
  'to must not be before from': 'to tidak boleh sebelum from',
  'type must be an upper-case code such as HALAL or PIRT': 'type harus berupa kode huruf kapital seperti HALAL atau PIRT',
  'unread must be true or false': 'unread harus bernilai true atau false',
  'url must be an http(s) URL': 'url harus berupa URL http(s)',
  'validUntil must be a date YYYY-MM-DD': 'validUntil harus berupa tanggal dengan format YYYY-MM-DD',
  'valueIdr must be an integer number of rupiah': 'valueIdr harus berupa bilangan bulat dalam rupiah',

  // class-validator, fixed text (forbidUnknownValues)
  'an unknown value was passed to the validate function': 'nilai yang dikirim tidak dikenal oleh fungsi validasi',
};

/** Prefix of the NPWP decorator's message; the reason after it is translated case by case below. */
const NPWP = '$1 harus berupa NPWP yang sah (15 atau 16 digit): ';

/**
 * Patterns for messages with variable parts (class-validator defaults, whose first word is the
 * field path, and the API's own parametrised messages). Tried in order; the first match wins.
 * The replacement uses String.prototype.replace syntax ($1, $2 …).
 */
export const PATTERNS_ID: ReadonlyArray<readonly [RegExp, string]> = [
  // ---------------------------------------------------------------- the API's own `$property` messages
  [/^(\S+) must be a date YYYY-MM-DD$/, '$1 harus berupa tanggal dengan format YYYY-MM-DD'],
  [/^(\S+) must be a date that exists$/, '$1 harus berupa tanggal yang ada di kalender'],
  [
    /^(\S+) must be an ISO 8601 timestamp with a zone, e\.g\. (\S+)$/,
    '$1 harus berupa cap waktu ISO 8601 dengan zona waktu, mis. $2',
  ],
  [/^(\S+) must hold upper-case codes such as HALAL or PIRT$/, '$1 harus berisi kode huruf kapital seperti HALAL atau PIRT'],

  // ---------------------------------------------------------------- the API's own parametrised messages
  // class-validator's @IsIn default first: the `… must be one of …` patterns below would also match it
  [
    /^each value in (\S+) must be one of the following values: (.*)$/,
    'setiap nilai dalam $1 harus salah satu dari nilai berikut: $2',
  ],
  [/^(\S+) must be one of the following values: (.*)$/, '$1 harus salah satu dari nilai berikut: $2'],
  [/^by must be one of (.+)$/, 'by harus salah satu dari $1'],
  [/^pattern must be one of (.+)$/, 'pattern harus salah satu dari $1'],
  [/^sort must be one of (.+)$/, 'sort harus salah satu dari $1'],
  [/^type must be one of (.+)$/, 'type harus salah satu dari $1'],
  // `$property must be one of ${SUPPORT_TYPES.join(', ')}`
  [/^(\S+) must be one of (.+)$/, '$1 harus salah satu dari $2'],
  [/^supportOffered must hold support types \((.+)\)$/, 'supportOffered harus berisi jenis dukungan ($1)'],
  [
    /^(.+?) is not a human-resources coaching activity \(allowed: (.+)\)$/,
    '$1 bukan kegiatan pembinaan sumber daya manusia (yang diizinkan: $2)',
  ],
  [
    /^(.+?) is not a commitment type for (\S+) \((.+?); allowed: (.+)\)$/,
    '$1 bukan jenis komitmen untuk pola $2 ($3; yang diizinkan: $4)',
  ],
  [/^(.+?) is not a support type for (\S+) \(allowed: (.+)\)$/, '$1 bukan jenis dukungan untuk pola $2 (yang diizinkan: $3)'],
  [/^(.+?) is not a KBLI 2020 code known to the platform$/, '$1 bukan kode KBLI 2020 yang dikenal oleh platform'],
  [/^province (.+?) is not a Kemendagri province code$/, 'province $1 bukan kode provinsi Kemendagri yang dikenal'],
  [/^(.+?) is not a Kemendagri region code$/, '$1 bukan kode wilayah Kemendagri yang dikenal'],
  [/^(.+?) is not a province code$/, '$1 bukan kode provinsi yang dikenal'],
  [/^(\S+) applies to partner organisations only$/, '$1 hanya berlaku untuk organisasi mitra (partner)'],
  [/^(\S+) applies to enterprise organisations only$/, '$1 hanya berlaku untuk organisasi usaha mikro/kecil (enterprise)'],
  [
    /^HUMAN_RESOURCES coaching is one of ([^;]+); got (.*)$/,
    'pembinaan HUMAN_RESOURCES harus salah satu dari $1; yang dikirim: $2',
  ],
  [/^at most (\d+) files per message$/, 'paling banyak $1 berkas per pesan'],
  [
    /^dueDate \((.+?)\) must lie within the agreement, (\S+) to (\S+)$/,
    'dueDate ($1) harus berada dalam masa perjanjian, $2 sampai dengan $3',
  ],
  [/^endDate \((.+?)\) must be after startDate \((.+?)\)$/, 'endDate ($1) harus setelah startDate ($2)'],
  [/^must be 3–(\d+) characters$/, 'harus 3–$1 karakter'],
  [/^must be at most (\d+) characters$/, 'paling banyak $1 karakter'],
  [/^must be today \((\S+) in (\S+)\) or later$/, 'paling cepat hari ini ($1 menurut zona waktu $2)'],
  [
    /^must fall within the agreement, (\S+) to (\S+) \((\S+)\); it is on (\S+)$/,
    'harus berada dalam masa perjanjian, $1 sampai dengan $2 ($3); waktu yang dikirim jatuh pada $4',
  ],
  [/^the reporting period ending (\S+) starts on (\S+)$/, 'periode laporan yang berakhir $1 dimulai pada $2'],
  [/^unknown field; send "(.+?)" and "file" parts only$/, 'kolom tidak dikenal; kirim hanya bagian "$1" dan "file"'],

  // ---------------------------------------------------------------- the API's own decorators (organizations/domain/validators.ts)
  [/^(\S+) must be a NIB of exactly 13 digits$/, '$1 harus berupa NIB tepat 13 digit'],
  [/^(\S+) must be a KBLI 2020 code of 2 to 5 digits$/, '$1 harus berupa kode KBLI 2020 sepanjang 2 sampai 5 digit'],
  [
    /^(\S+) must be a Kemendagri region code at level (.+?) \(NN, NN\.NN, NN\.NN\.NN or NN\.NN\.NN\.NNNN\)$/,
    '$1 harus berupa kode wilayah Kemendagri pada tingkat $2 (NN, NN.NN, NN.NN.NN atau NN.NN.NN.NNNN)',
  ],
  [
    /^(\S+) must be a Kemendagri region code \(NN, NN\.NN, NN\.NN\.NN or NN\.NN\.NN\.NNNN\)$/,
    '$1 harus berupa kode wilayah Kemendagri (NN, NN.NN, NN.NN.NN atau NN.NN.NN.NNNN)',
  ],
  [/^(\S+) must be a valid NPWP \(15 or 16 digits\): NPWP must be a string$/, `${NPWP}NPWP harus berupa teks`],
  [/^(\S+) must be a valid NPWP \(15 or 16 digits\): NPWP is empty$/, `${NPWP}NPWP kosong`],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): NPWP may contain only digits, dots, dashes and spaces$/,
    `${NPWP}NPWP hanya boleh berisi angka, titik, tanda hubung, dan spasi`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): NPWP check digit \(9th digit of the 15-digit number\) is (\d) but digits 1–8 require (\d)$/,
    `${NPWP}digit periksa NPWP (digit ke-9 dari nomor 15 digit) adalah $2, padahal digit 1–8 mengharuskan $3`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP starting with 0 must be 0 \+ a valid 15-digit NPWP: check digit \(9th digit of the 15-digit number\) is (\d) but digits 1–8 require (\d)$/,
    `${NPWP}NPWP 16 digit yang diawali 0 harus berupa 0 + NPWP 15 digit yang sah: digit periksa (digit ke-9 dari nomor 15 digit) adalah $2, padahal digit 1–8 mengharuskan $3`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK must be exactly 16 digits$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: NIK harus tepat 16 digit`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK region code starts with province (\d{2}), which is not a province code \(11–99\)$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: kode wilayah NIK diawali provinsi $2, yang bukan kode provinsi (11–99)`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK birth day (\d{2}) is not 01–31 \(or 41–71 for women\)$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: tanggal lahir NIK $2 tidak di antara 01–31 (atau 41–71 untuk perempuan)`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK birth month (\d{2}) is not 01–12$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: bulan lahir NIK $2 tidak di antara 01–12`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK birth date (\d{2}-\d{2}-\d{2}) does not exist$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: tanggal lahir NIK $2 tidak ada di kalender`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): 16-digit NPWP not starting with 0 must be a valid NIK: NIK serial number \(last 4 digits\) must not be 0000$/,
    `${NPWP}NPWP 16 digit yang tidak diawali 0 harus berupa NIK yang sah: nomor urut NIK (4 digit terakhir) tidak boleh 0000`,
  ],
  [
    /^(\S+) must be a valid NPWP \(15 or 16 digits\): NPWP must have 15 or 16 digits, got (\d+)$/,
    `${NPWP}NPWP harus 15 atau 16 digit, yang dikirim $2 digit`,
  ],
  // any other reason: the frame is translated, the reason kept as sent
  [/^(\S+) must be a valid NPWP \(15 or 16 digits\): (.+)$/, `${NPWP}$2`],

  // ---------------------------------------------------------------- class-validator defaults (`each value in` first)
  [/^each value in (\S+) must be a string$/, 'setiap nilai dalam $1 harus berupa teks'],
  [/^(\S+) must be a string$/, '$1 harus berupa teks'],
  [/^each value in (\S+) must be an array$/, 'setiap nilai dalam $1 harus berupa daftar (array)'],
  [/^(\S+) must be an array$/, '$1 harus berupa daftar (array)'],
  [/^each value in (\S+) must be a boolean value$/, 'setiap nilai dalam $1 harus bernilai true atau false'],
  [/^(\S+) must be a boolean value$/, '$1 harus bernilai true atau false'],
  [/^each value in (\S+) must be an integer number$/, 'setiap nilai dalam $1 harus berupa bilangan bulat'],
  [/^(\S+) must be an integer number$/, '$1 harus berupa bilangan bulat'],
  [
    /^each value in (\S+) must be a number conforming to the specified constraints$/,
    'setiap nilai dalam $1 harus berupa angka yang memenuhi ketentuan',
  ],
  [/^(\S+) must be a number conforming to the specified constraints$/, '$1 harus berupa angka yang memenuhi ketentuan'],
  [/^each value in (\S+) must be a positive number$/, 'setiap nilai dalam $1 harus berupa bilangan positif'],
  [/^(\S+) must be a positive number$/, '$1 harus berupa bilangan positif'],
  [/^each value in (\S+) must not be less than (\S+)$/, 'setiap nilai dalam $1 tidak boleh kurang dari $2'],
  [/^(\S+) must not be less than (\S+)$/, '$1 tidak boleh kurang dari $2'],
  [/^each value in (\S+) must not be greater than (\S+)$/, 'setiap nilai dalam $1 tidak boleh lebih dari $2'],
  [/^(\S+) must not be greater than (\S+)$/, '$1 tidak boleh lebih dari $2'],
  [/^each value in (\S+) must be an email$/, 'setiap nilai dalam $1 harus berupa alamat email'],
  [/^(\S+) must be an email$/, '$1 harus berupa alamat email'],
  [/^each value in (\S+) must be a valid ISO 8601 date string$/, 'setiap nilai dalam $1 harus berupa tanggal ISO 8601 yang sah'],
  [/^(\S+) must be a valid ISO 8601 date string$/, '$1 harus berupa tanggal ISO 8601 yang sah'],
  [/^each value in (\S+) must be a UUID$/, 'setiap nilai dalam $1 harus berupa UUID'],
  [/^(\S+) must be a UUID$/, '$1 harus berupa UUID'],
  [/^each value in (\S+) must be a URL address$/, 'setiap nilai dalam $1 harus berupa alamat URL'],
  [/^(\S+) must be a URL address$/, '$1 harus berupa alamat URL'],
  [/^each value in (\S+) must match (.+) regular expression$/, 'setiap nilai dalam $1 harus sesuai dengan ekspresi reguler $2'],
  [/^(\S+) must match (.+) regular expression$/, '$1 harus sesuai dengan ekspresi reguler $2'],
  [/^each value in (\S+) must be shorter than or equal to (\d+) characters$/, 'setiap nilai dalam $1 paling banyak $2 karakter'],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, '$1 paling banyak $2 karakter'],
  [/^each value in (\S+) must be longer than or equal to (\d+) characters$/, 'setiap nilai dalam $1 paling sedikit $2 karakter'],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, '$1 paling sedikit $2 karakter'],
  [
    /^each value in (\S+) must be a latitude string or number$/,
    'setiap nilai dalam $1 harus berupa garis lintang (latitude), dalam bentuk teks atau angka',
  ],
  [/^(\S+) must be a latitude string or number$/, '$1 harus berupa garis lintang (latitude), dalam bentuk teks atau angka'],
  [
    /^each value in (\S+) must be a longitude string or number$/,
    'setiap nilai dalam $1 harus berupa garis bujur (longitude), dalam bentuk teks atau angka',
  ],
  [/^(\S+) must be a longitude string or number$/, '$1 harus berupa garis bujur (longitude), dalam bentuk teks atau angka'],
  [/^each value in (\S+) must contain no more than (\d+) elements$/, 'setiap nilai dalam $1 paling banyak berisi $2 elemen'],
  [/^(\S+) must contain no more than (\d+) elements$/, '$1 paling banyak berisi $2 elemen'],
  [/^each value in (\S+) must contain at least (\d+) elements$/, 'setiap nilai dalam $1 paling sedikit berisi $2 elemen'],
  [/^(\S+) must contain at least (\d+) elements$/, '$1 paling sedikit berisi $2 elemen'],
  [/^each value in All (\S+)'s elements must be unique$/, 'elemen pada setiap nilai dalam $1 harus unik'],
  [/^All (\S+)'s elements must be unique$/, 'semua elemen $1 harus unik'],
  [
    /^each value in nested property (\S+) must be either object or array$/,
    'setiap nilai dalam properti bertingkat $1 harus berupa objek atau array',
  ],
  [/^nested property (\S+) must be either object or array$/, 'properti bertingkat $1 harus berupa objek atau array'],

  // ---------------------------------------------------------------- whitelist (core/http/validation.ts rewrites the default)
  [/^unknown field (\S+) is not allowed$/, 'kolom $1 tidak dikenal dan tidak diizinkan'],
  [/^property (\S+) should not exist$/, 'kolom $1 tidak dikenal dan tidak diizinkan'],
];
