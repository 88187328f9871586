/**
 * Indonesian wording for the problem `detail` sentences the API writes in English (domain errors, the
 * lifecycle 409s, authentication, idempotency, Fastify's own client errors). Used when the caller prefers
 * Indonesian (`Accept-Language: id`). Codes, statuses, enum values, numbers, dates, ids, URLs, route
 * paths and field names are kept as the API spells them; only the words around them are translated.
 * The field messages (`errors[].message`) have their own tables in `messages.id.ts`.
 */

/** Translates a whole English sentence or fragment with these same tables (for pattern functions to translate embedded parts); returns the input unchanged when nothing matches. */
export type Translate = (english: string) => string;

/** English detail (or a fragment of one) → Indonesian, exact match. */
export const DETAIL_EXACT_ID: Readonly<Record<string, string>> = {
  // ---------------------------------------------------------------- core (errors/domain-error.ts, errors/problem.filter.ts)
  'The request is invalid': 'Permintaan tidak valid',
  'An unexpected error occurred': 'Terjadi kesalahan yang tidak terduga',

  // ---------------------------------------------------------------- Fastify and @fastify/multipart client errors (problem.filter.ts)
  'Request body is too large': 'Isi permintaan terlalu besar',
  'Unsupported Media Type': 'Jenis media (Content-Type) tidak didukung',
  'Request body size did not match Content-Length': 'Ukuran isi permintaan tidak sesuai dengan Content-Length',
  "Body cannot be empty when content-type is set to 'application/json'":
    "Isi permintaan tidak boleh kosong jika content-type adalah 'application/json'",
  "Body is not valid JSON but content-type is set to 'application/json'":
    "Isi permintaan bukan JSON yang sah, padahal content-type adalah 'application/json'",
  'request file too large': 'Berkas dalam permintaan melebihi batas ukuran unggah',
  'reach files limit': 'Jumlah berkas dalam permintaan melebihi batas',
  'reach parts limit': 'Jumlah bagian (part) dalam permintaan multipart melebihi batas',
  'reach fields limit': 'Jumlah isian dalam permintaan multipart melebihi batas',
  'the request is not multipart': 'Permintaan ini bukan multipart',
  'prototype property is not allowed as field name': 'Nama isian tidak boleh berupa properti prototype',
  'a request field is not a valid JSON as declared by its Content-Type':
    'Salah satu isian permintaan bukan JSON yang sah, padahal Content-Type-nya menyatakan JSON',
  'the request was closed before the multipart data was fully parsed':
    'Permintaan terputus sebelum data multipart selesai dibaca',

  // ---------------------------------------------------------------- sign-in and tokens (identity/auth.service.ts, core/auth/*)
  'E-mail or password is wrong': 'Email atau kata sandi salah',
  'Refresh token is invalid': 'Refresh token tidak valid',
  'Refresh token was revoked': 'Refresh token sudah dicabut',
  'Refresh token was already used; every session of this sign-in has been revoked':
    'Refresh token sudah pernah dipakai; semua sesi dari proses masuk ini telah dicabut',
  'Refresh token has expired': 'Refresh token sudah kedaluwarsa',
  'The account no longer exists': 'Akun ini sudah tidak ada',
  'This route declares no access policy': 'Rute ini tidak menyatakan kebijakan akses',
  'The access token has expired': 'Token akses sudah kedaluwarsa',
  'A valid bearer access token is required': 'Diperlukan token akses bearer yang sah',
  'A valid access token is required': 'Diperlukan token akses yang sah',

  // ---------------------------------------------------------------- queue dashboard (apps/api/src/queue-dashboard.ts)
  'An ADMIN bearer access token, or the cookie from POST /api/v1/admin/queues/session, is required':
    'Diperlukan token akses bearer ADMIN, atau cookie dari POST /api/v1/admin/queues/session',
  'The queue dashboard is reserved for ADMIN': 'Dasbor antrean hanya untuk ADMIN',
  'Cross-origin requests may not change queues': 'Permintaan lintas origin tidak boleh mengubah antrean',

  // ---------------------------------------------------------------- idempotency (core/http/idempotency.ts)
  'This Idempotency-Key was already used with a different request body':
    'Idempotency-Key ini sudah dipakai untuk permintaan dengan isi yang berbeda',
  'A request with this Idempotency-Key is still being processed; retry later':
    'Permintaan dengan Idempotency-Key ini masih diproses; silakan coba lagi nanti',

  // ---------------------------------------------------------------- opportunities and applications
  'Publish the opportunity before inviting firms to it': 'Terbitkan peluang kemitraan ini sebelum mengundang UMK',
  'Publishing needs the partner’s penanggung jawab kemitraan (PIC): set `pic` on your partner profile first (PP 44/1997 Pasal 14 huruf c obliges the partner to appoint one)':
    'Penerbitan memerlukan penanggung jawab kemitraan (PIC) mitra: isi `pic` pada profil mitra Anda terlebih dahulu (PP 44/1997 Pasal 14 huruf c mewajibkan mitra menunjuk PIC)',

  // ---------------------------------------------------------------- agreements, amendments, commitments
  'This application already has a live agreement': 'Lamaran ini sudah memiliki perjanjian yang masih berjalan',
  'This agreement is ACTIVE and no amendment awaits signatures: there is nothing to sign':
    'Perjanjian ini berstatus ACTIVE dan tidak ada adendum yang menunggu tanda tangan: tidak ada yang perlu ditandatangani',
  'Only the party that proposed an amendment withdraws it; the other party declines it (POST …/decline)':
    'Hanya pihak yang mengusulkan adendum yang dapat menariknya; pihak lain menolaknya (POST …/decline)',
  'Your organisation proposed this amendment: withdraw it instead (POST …/withdraw)':
    'Adendum ini diusulkan oleh organisasi Anda: tariklah adendum ini, bukan menolaknya (POST …/withdraw)',

  // ---------------------------------------------------------------- obligations, evidence, reports, coaching sessions
  'Evidence files must be PDF, JPEG or PNG; this file’s content is none of them (judged from its bytes, not its name)':
    'Berkas bukti harus berupa PDF, JPEG, atau PNG; isi berkas ini bukan salah satunya (dinilai dari isi berkasnya, bukan dari namanya)',
  'Attendance is recorded once the session has begun; it is still ahead':
    'Kehadiran baru dapat dicatat setelah sesi dimulai; sesi ini belum dimulai',

  // ---------------------------------------------------------------- monitoring
  'This case is ADDRESSED and the partner has not filed a remedy report yet; it can be completed once it has':
    'Kasus ini berstatus ADDRESSED dan mitra belum menyampaikan laporan perbaikan; kasus dapat diselesaikan setelah laporan itu disampaikan',
  'The monitoring figures are not yet on the read replica; try again shortly':
    'Angka pemantauan belum tersedia di replika baca; silakan coba lagi sebentar lagi',
  'The risk rules are being run already; their findings will be up to date in a moment':
    'Aturan risiko sedang dijalankan; temuannya akan mutakhir sebentar lagi',

  // ================================================================ fragments: verb phrases of the lifecycle messages
  // (each fits "… tidak dapat <verb>" and "… yang dapat <verb>")
  // agreement.lifecycle.ts VERB
  edited: 'diubah',
  'submitted for signature': 'diajukan untuk ditandatangani',
  signed: 'ditandatangani',
  activated: 'diberlakukan',
  amended: 'diubah dengan adendum',
  'amended (an amendment withdrawn)': 'ditarik adendumnya',
  'amended (an amendment declined)': 'ditolak adendumnya',
  completed: 'diselesaikan',
  terminated: 'diakhiri',
  // commitment.lifecycle.ts
  confirmed: 'dikonfirmasi',
  disputed: 'disanggah',
  // application.lifecycle.ts PAST
  'applied to': 'diajukan',
  declined: 'ditolak',
  withdrawn: 'ditarik',
  shortlisted: 'dimasukkan ke daftar pendek',
  accepted: 'diterima',
  rejected: 'ditolak',
  // opportunity.lifecycle.ts PAST
  published: 'diterbitkan',
  closed: 'ditutup',
  expired: 'ditutup karena lewat batas waktu',
  filled: 'ditutup karena kuota sudah terisi',
  // obligations/domain/obligation.ts PAST
  fulfilled: 'dipenuhi',
  waived: 'dibebaskan',
  cancelled: 'dibatalkan',
  reopened: 'dibuka kembali',
  reinstated: 'diberlakukan kembali',
  // obligations/domain/session.ts PAST
  'given an attendance record': 'dicatat kehadirannya',
  // obligations/domain/report.ts PAST
  'submitted again': 'dikirim ulang',
  'sent back for revision': 'dikembalikan untuk direvisi',
  // monitoring/cases/case.lifecycle.ts VERB
  opened: 'dibuka',
  'concluded with a violation': 'diberi kesimpulan bahwa terdapat pelanggaran',
  'concluded without a violation': 'diberi kesimpulan bahwa tidak terdapat pelanggaran',
  'given a message': 'diberi pesan',
  'given a remedy report': 'diberi laporan perbaikan',

  // ================================================================ fragments: reasons of the lifecycle messages
  // agreement.lifecycle.ts WHY
  'the terms are frozen once signed (submitted for signature); change them through an amendment once ACTIVE':
    'ketentuan tidak dapat diubah lagi sejak diajukan untuk ditandatangani; ubah ketentuan melalui adendum setelah perjanjian berstatus ACTIVE',
  'the terms are frozen once signed; propose an amendment (a new version both parties sign) instead':
    'ketentuan tidak dapat diubah lagi setelah ditandatangani; silakan usulkan adendum (versi baru yang ditandatangani kedua pihak)',
  'the terms are frozen once signed, and the agreement has ended':
    'ketentuan tidak dapat diubah lagi setelah ditandatangani, dan perjanjian sudah berakhir',
  'the terms are frozen once signed, and the agreement has been terminated':
    'ketentuan tidak dapat diubah lagi setelah ditandatangani, dan perjanjian sudah diakhiri',
  'the partner must submit it for signature first': 'mitra harus mengajukannya untuk ditandatangani terlebih dahulu',
  'a draft is edited directly (PATCH) until it is submitted': 'draf diubah secara langsung (PATCH) sampai diajukan',
  'the original terms are still awaiting signatures': 'ketentuan awal masih menunggu tanda tangan',
  'it never became ACTIVE': 'perjanjian ini tidak pernah berstatus ACTIVE',
  // commitment.lifecycle.ts WHY
  'a confirmation is final': 'konfirmasi bersifat final',
  'it is already disputed; confirm it once the dispute is resolved':
    'komitmen ini sudah disanggah; konfirmasikan setelah sanggahan terselesaikan',
  // report.ts
  'it awaits the ministry’s review': 'laporan ini sedang menunggu tinjauan kementerian',
  // case.lifecycle.ts WHY
  'open it first': 'buka kasus ini terlebih dahulu',
  'it is concluded already': 'kasus ini sudah diberi kesimpulan',
  'it has no conclusion yet': 'kasus ini belum diberi kesimpulan',
  'record a conclusion first': 'catat kesimpulan terlebih dahulu',
  'a concluded case is completed, not cancelled': 'kasus yang sudah diberi kesimpulan diselesaikan, bukan dibatalkan',
  'open the case first': 'buka kasus ini terlebih dahulu',
  'the officer has not concluded the case yet': 'petugas belum memberikan kesimpulan atas kasus ini',
  'no violation was found: there is nothing to remedy': 'tidak ditemukan pelanggaran sehingga tidak ada yang perlu diperbaiki',

  // ================================================================ fragments: size classification (organizations/domain/classification.ts)
  'net assets': 'kekayaan bersih',
  'net assets (modal usaha)': 'kekayaan bersih (modal usaha)',
  'annual sales': 'hasil penjualan tahunan',

  // ================================================================ fragments: field messages inside "The terms are invalid: …" / "The opportunity is invalid: …"
  'a quantity needs its unit (kg, pcs, ha…)': 'jumlah harus disertai satuannya (kg, pcs, ha…)',
};

/** Entity names as `notFound(what)` and messages use them (e.g. 'Agreement', 'Opportunity', 'Enterprise', 'Partner', 'Amendment', 'Region 33.99' …) → Indonesian noun. */
export const NOUNS_ID: Readonly<Record<string, string>> = {
  // notFound('…') and IdParam('…') / IntParam('…')
  Agreement: 'Perjanjian',
  Amendment: 'Adendum',
  Application: 'Lamaran',
  Attachment: 'Lampiran',
  'Coaching session': 'Sesi pembinaan',
  Commitment: 'Komitmen',
  Enterprise: 'UMK',
  Evidence: 'Bukti',
  'Evidence file': 'Berkas bukti',
  Finding: 'Temuan',
  'Monitoring case': 'Kasus pemantauan',
  Notification: 'Notifikasi',
  Obligation: 'Kewajiban',
  Opportunity: 'Peluang kemitraan',
  Organisation: 'Organisasi',
  Organization: 'Organisasi',
  Partner: 'Mitra',
  'Progress report': 'Laporan kemajuan',
  Region: 'Wilayah',
  User: 'Pengguna',
  // notFound(q.entityType): the audit trail's entity types (core/audit/audit.controller.ts)
  organization: 'Organisasi',
  user: 'Pengguna',
  opportunity: 'Peluang kemitraan',
  application: 'Lamaran',
  agreement: 'Perjanjian',
  commitment: 'Komitmen',
  coaching_session: 'Sesi pembinaan',
  obligation: 'Kewajiban',
  evidence: 'Bukti',
  progress_report: 'Laporan kemajuan',
  notification: 'Notifikasi',
  monitoring_case: 'Kasus pemantauan',
  finding_run: 'Pemeriksaan temuan risiko',
};

/** `DRAFT or AWAITING_SIGNATURES or ACTIVE` → `DRAFT, AWAITING_SIGNATURES, atau ACTIVE`. */
function orList(english: string): string {
  const items = english.split(/, | or /);
  return items.length < 2
    ? english
    : `${items.slice(0, -1).join(', ')}${items.length > 2 ? ',' : ''} atau ${items[items.length - 1]}`;
}

/** `postgresql and redis` → `postgresql dan redis`. */
const andList = (english: string) => english.split(' and ').join(' dan ');

/**
 * `<Entity> that is X cannot be <verb>; only A or B ones can` (and the `: only …` form): the same
 * sentence for every lifecycle, with the entity's Indonesian noun.
 */
const onlyOnes = (noun: string, from: string, verb: string, list: string, sep = ';') =>
  `${noun} yang berstatus ${from} tidak dapat ${verb}${sep} hanya ${noun.toLowerCase()} berstatus ${orList(list)} yang dapat ${verb}`;

/** Splits `a: x; b: y (p; q)` at the `; ` that are not inside parentheses. */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ';' && list[i + 1] === ' ') {
      out.push(list.slice(start, i));
      start = i + 2;
    }
  }
  out.push(list.slice(start));
  return out;
}

/** `field: message; field: message` with each message translated (the field names stay). */
const fieldList = (list: string, t: Translate) =>
  splitTopLevel(list)
    .map((item) => {
      const at = item.indexOf(': ');
      return at < 0 ? t(item) : `${item.slice(0, at)}: ${t(item.slice(at + 2))}`;
    })
    .join('; ');

/** The measures the size-class reasons name (regex source, one capture group). */
const MEASURE = '(net assets \\(modal usaha\\)|net assets|annual sales)';
/** The same without capturing. */
const MEASURE_NC = '(?:net assets \\(modal usaha\\)|net assets|annual sales)';
const RUPIAH = '(-?Rp[\\d.]+)';

/**
 * Patterns for details with variable parts, tried in order, first match wins. A string replacement
 * uses String.prototype.replace syntax ($1 …); a function gets the match and `t` to translate an
 * embedded English fragment (e.g. a reason clause) through the same tables.
 */
export const DETAIL_PATTERNS_ID: ReadonlyArray<readonly [RegExp, string | ((m: RegExpExecArray, t: Translate) => string)]> = [
  // ---------------------------------------------------------------- core
  [/^The request has (\d+) invalid fields?: (.*)$/, 'Permintaan memuat $1 isian yang tidak valid: $2'],
  [
    /^The resource has changed since you read it \(current version (\d+)\)$/,
    'Data ini sudah berubah sejak Anda membacanya (versi terkini $1)',
  ],
  [
    /^An unexpected error occurred; quote error id (\S+) when reporting it$/,
    'Terjadi kesalahan yang tidak terduga; sebutkan kode kesalahan $1 saat melaporkannya',
  ],
  [/^No route matches (\S+) (.+)$/, 'Tidak ada rute untuk $1 $2'],
  // older Fastify wording of the same client errors, with the offending value
  [/^Unsupported Media Type: (.+)$/, 'Jenis media (Content-Type) tidak didukung: $1'],
  [/^'(.*)' is not a valid url component$/, "'$1' bukan komponen URL yang sah"],

  // ---------------------------------------------------------------- not found: specific forms before the generic one
  [/^Region (\S+) was not found$/, 'Wilayah $1 tidak ditemukan'],
  [
    /^Reporting period ending (\S+) of this agreement was not found$/,
    'Periode laporan yang berakhir pada $1 tidak ditemukan pada perjanjian ini',
  ],
  [/^(.+) was not found$/, (m) => `${NOUNS_ID[m[1]] ?? m[1]} tidak ditemukan`],

  // ---------------------------------------------------------------- sign-in, tokens, roles, dependencies
  [/^An account with e-mail (.+) already exists$/, 'Akun dengan email $1 sudah ada'],
  [/^Too many sign-in attempts; try again in (\d+) seconds$/, 'Terlalu banyak percobaan masuk; silakan coba lagi dalam $1 detik'],
  [/^This action is reserved for (.+)$/, (m) => `Tindakan ini hanya untuk peran ${orList(m[1])}`],
  [/^Not ready: (.+) did not answer$/, (m) => `Belum siap: ${andList(m[1])} tidak menjawab`],
  [/^Redis did not answer within (\d+) ms$/, 'Redis tidak menjawab dalam $1 ms'],

  // ---------------------------------------------------------------- uploads
  [
    /^A file is larger than the upload limit of (\d+) bytes; nothing was stored$/,
    'Salah satu berkas melebihi batas unggah $1 byte; tidak ada yang disimpan',
  ],
  [
    /^The file is larger than the upload limit of (\d+) bytes; nothing was stored$/,
    'Berkas melebihi batas unggah $1 byte; tidak ada yang disimpan',
  ],
  [
    /^Attachments must be PDF, JPEG or PNG; “(.*)” is none of them \(judged from its bytes, not its name\)$/,
    'Lampiran harus berupa PDF, JPEG, atau PNG; “$1” bukan salah satunya (dinilai dari isi berkasnya, bukan dari namanya)',
  ],

  // ---------------------------------------------------------------- organisations
  [/^An organisation with NIB (\S+) is already registered$/, 'Organisasi dengan NIB $1 sudah terdaftar'],
  [
    /^A(n enterprise \(small firm\)| partner) must classify (.+?); this one classifies (\S+) under (\S+): (.+)$/,
    (m, t) =>
      `${m[1] === ' partner' ? 'Mitra' : 'Usaha mikro/kecil (UMK)'} harus tergolong ${orList(m[2])}; ` +
      `usaha ini tergolong ${m[3]} menurut ${m[4]}: ${t(m[5])}`,
  ],

  // ---------------------------------------------------------------- opportunities and applications
  [
    /^Cannot (\S+) an opportunity that is (\S+); only (.+) opportunities can be (.+)$/,
    (m, t) => onlyOnes('Peluang kemitraan', m[2], t(m[4]), m[3]),
  ],
  [
    /^Only a DRAFT opportunity can be edited; this one is (\S+)$/,
    'Hanya peluang kemitraan berstatus DRAFT yang dapat diubah; peluang ini berstatus $1',
  ],
  [
    /^closesAt \((.+?)\) has passed; set a future deadline before publishing$/,
    'closesAt ($1) sudah lewat; tetapkan batas waktu di masa mendatang sebelum menerbitkan',
  ],
  [/^The opportunity is invalid: (.+)$/, (m, t) => `Peluang kemitraan tidak valid: ${fieldList(m[1], t)}`],
  [
    /^The opportunity is closed \((\S+)\); it takes no more invitations$/,
    'Peluang kemitraan ini sudah ditutup ($1); tidak ada lagi UMK yang dapat diundang ke peluang ini',
  ],
  [
    /^The opportunity is closed \((\S+)\); it takes no more applications$/,
    'Peluang kemitraan ini sudah ditutup ($1); tidak lagi menerima lamaran',
  ],
  [/^All (\d+) slot\(s\) of this opportunity are filled$/, 'Seluruh kuota peluang ini ($1 UMK) sudah terisi'],
  [
    /^This firm already has an active application for this opportunity \(status (\S+)\); withdraw it first$/,
    (m) =>
      `Usaha ini sudah memiliki lamaran aktif untuk peluang ini (status ${m[1] === 'active' ? 'aktif' : m[1]}); ` +
      'tarik lamaran tersebut terlebih dahulu',
  ],
  [
    /^An application that is (\S+) cannot be (.+); only (.+) ones can$/,
    (m, t) => onlyOnes('Lamaran', m[1], m[2] === 'declined' ? 'ditolak undangannya' : t(m[2]), m[3]),
  ],

  // ---------------------------------------------------------------- agreements and amendments
  [/^An agreement that is (\S+) cannot be (.+?); only (.+) ones can$/, (m, t) => onlyOnes('Perjanjian', m[1], t(m[2]), m[3])],
  [
    /^An agreement that is (\S+) cannot be (.+?): (.+)$/,
    (m, t) => `Perjanjian yang berstatus ${m[1]} tidak dapat ${t(m[2])}: ${t(m[3])}`,
  ],
  [
    /^An agreement is made from an ACCEPTED application; this one is (\S+)$/,
    'Perjanjian dibuat dari lamaran berstatus ACCEPTED; lamaran ini berstatus $1',
  ],
  [
    /^This application already has a live agreement \((.+), (\S+)\); terminate it before drafting another$/,
    'Lamaran ini sudah memiliki perjanjian yang masih berjalan ($1, $2); akhiri perjanjian itu sebelum menyusun yang baru',
  ],
  [/^The terms are invalid: (.+)$/, (m, t) => `Ketentuan perjanjian tidak valid: ${fieldList(m[1], t)}`],
  [
    /^Your organisation has already signed terms version (\d+) of (.+); each party signs once$/,
    'Organisasi Anda sudah menandatangani ketentuan versi $1 dari $2; setiap pihak hanya menandatangani satu kali',
  ],
  [
    /^Amendment version (\d+) is already awaiting signatures; one amendment at a time$/,
    'Adendum versi $1 sudah menunggu tanda tangan; hanya boleh ada satu adendum pada satu waktu',
  ],
  [
    /^Amendment version (\d+) is (\S+); only one awaiting signatures can be (withdrawn|declined)$/,
    (m, t) => `Adendum versi ${m[1]} berstatus ${m[2]}; hanya adendum yang menunggu tanda tangan yang dapat ${t(m[3])}`,
  ],
  [/^Terms version (\d+) is not (.+)$/, (m) => `Ketentuan versi ${m[1]} tidak berstatus ${orList(m[2])}`],
  [
    /^The agreement runs until (\S+); it can be completed only after that date \(today is (\S+) in (\S+)\)$/,
    'Perjanjian berlaku sampai $1; perjanjian hanya dapat diselesaikan setelah tanggal tersebut (hari ini $2 menurut zona waktu $3)',
  ],

  // ---------------------------------------------------------------- commitments
  [
    /^A commitment that is (\S+) cannot be (confirmed|disputed): only (.+) ones can$/,
    (m, t) => onlyOnes('Komitmen', m[1], t(m[2]), m[3], ':'),
  ],
  [
    /^A commitment that is (\S+) cannot be (confirmed|disputed): (.+)$/,
    (m, t) => `Komitmen yang berstatus ${m[1]} tidak dapat ${t(m[2])}: ${t(m[3])}`,
  ],
  [
    /^Commitments are confirmed or disputed while the agreement is ACTIVE; (.+) is (\S+)$/,
    'Komitmen hanya dapat dikonfirmasi atau disanggah selama perjanjian berstatus ACTIVE; perjanjian $1 berstatus $2',
  ],
  [
    /^This commitment belongs to terms version (\d+), superseded by version (\d+)$/,
    'Komitmen ini termasuk ketentuan versi $1, yang sudah digantikan oleh versi $2',
  ],
  [
    /^This commitment belongs to amendment version (\d+), not in force yet$/,
    'Komitmen ini termasuk adendum versi $1, yang belum berlaku',
  ],

  // ---------------------------------------------------------------- obligations, reports, coaching sessions
  [/^An obligation that is (\S+) cannot be (.+); only (.+) ones can$/, (m, t) => onlyOnes('Kewajiban', m[1], t(m[2]), m[3])],
  [/^This obligation is (\S+); it takes no more evidence$/, 'Kewajiban ini berstatus $1; tidak dapat lagi menerima bukti'],
  [
    /^A progress report that is (\S+) cannot be (.+?)(?: \((it awaits the ministry’s review)\))?; only (.+) ones can$/,
    (m, t) => {
      const why = m[3] ? ` (${t(m[3])})` : '';
      const verb = t(m[2]);
      return `Laporan kemajuan yang berstatus ${m[1]} tidak dapat ${verb}${why}; hanya laporan kemajuan berstatus ${orList(m[4])} yang dapat ${verb}`;
    },
  ],
  [
    /^This agreement has no open reporting period ending (\S+)$/,
    'Perjanjian ini tidak memiliki periode laporan terbuka yang berakhir pada $1',
  ],
  [
    /^A coaching session that is (\S+) cannot be (.+); only (.+) ones can$/,
    (m, t) => onlyOnes('Sesi pembinaan', m[1], t(m[2]), m[3]),
  ],
  [
    /^Coaching sessions are scheduled on ACTIVE agreements; this one is (\S+)$/,
    'Sesi pembinaan hanya dapat dijadwalkan pada perjanjian berstatus ACTIVE; perjanjian ini berstatus $1',
  ],

  // ---------------------------------------------------------------- monitoring cases
  [
    /^A monitoring case that is (\S+) cannot be (.+?): only (.+) ones can$/,
    (m, t) => onlyOnes('Kasus pemantauan', m[1], t(m[2]), m[3], ':'),
  ],
  [
    /^A monitoring case that is (\S+) cannot be (.+?): (.+)$/,
    (m, t) => `Kasus pemantauan yang berstatus ${m[1]} tidak dapat ${t(m[2])}: ${t(m[3])}`,
  ],
  // fragment: the reason a closed case gives
  [/^the case is (\S+)$/, 'kasus ini sudah berstatus $1'],

  // ---------------------------------------------------------------- fragments: size-class reasons (classification.ts `reason`)
  // notes appended to the clauses, peeled off first
  [
    new RegExp(`^(${MEASURE_NC} .+) \\(${MEASURE} not stated, so classed on ${MEASURE} alone\\)$`),
    (m, t) => `${t(m[1])} (${t(m[2])} tidak dinyatakan, sehingga kelas ditentukan dari ${t(m[3])} saja)`,
  ],
  [
    new RegExp(`^(${MEASURE_NC} .+) \\(annual sales decide when stated\\)$`),
    (m, t) => `${t(m[1])} (hasil penjualan tahunan yang menentukan bila dinyatakan)`,
  ],
  [
    new RegExp(`^(${MEASURE_NC} .+); the smaller of the two classes applies \\(${MEASURE} alone would give (\\S+)\\)$`),
    (m, t) => `${t(m[1])}; yang berlaku adalah kelas yang lebih kecil dari keduanya (${t(m[2])} saja akan menghasilkan ${m[3]})`,
  ],
  [
    new RegExp(`^(${MEASURE_NC} .+); one measure within its KECIL limit suffices$`),
    (m, t) => `${t(m[1])}; cukup satu ukuran yang tidak melebihi batas KECIL-nya`,
  ],
  [
    new RegExp(`^(${MEASURE_NC} .+); MENENGAH requires both measures within the MENENGAH limits$`),
    (m, t) => `${t(m[1])}; MENENGAH mensyaratkan kedua ukuran tidak melebihi batas MENENGAH`,
  ],
  // two clauses (both measures decided)
  [new RegExp(`^(${MEASURE_NC} .+?); and (${MEASURE_NC} .+)$`), (m, t) => `${t(m[1])}; dan ${t(m[2])}`],
  // one clause
  [
    new RegExp(
      `^${MEASURE} ${RUPIAH} exceed ${RUPIAH}, the (\\S+) limit under (\\S+), and are within ${RUPIAH}, the (\\S+) limit$`,
    ),
    (m, t) => `${t(m[1])} ${m[2]} melebihi ${m[3]}, batas ${m[4]} menurut ${m[5]}, dan tidak melebihi ${m[6]}, batas ${m[7]}`,
  ],
  [
    new RegExp(`^${MEASURE} ${RUPIAH} exceed ${RUPIAH}, the (\\S+) limit under (\\S+)$`),
    (m, t) => `${t(m[1])} ${m[2]} melebihi ${m[3]}, batas ${m[4]} menurut ${m[5]}`,
  ],
  [
    new RegExp(`^${MEASURE} ${RUPIAH} are within ${RUPIAH}, the (\\S+) limit under (\\S+)$`),
    (m, t) => `${t(m[1])} ${m[2]} tidak melebihi ${m[3]}, batas ${m[4]} menurut ${m[5]}`,
  ],

  // ---------------------------------------------------------------- fragments: field messages inside the "… is invalid: …" summaries
  [/^endDate \((.+?)\) must be after startDate \((.+?)\)$/, 'endDate ($1) harus setelah startDate ($2)'],
  [
    /^dueDate \((.+?)\) must lie within the agreement, (\S+) to (\S+)$/,
    'dueDate ($1) harus berada dalam masa perjanjian, $2 sampai dengan $3',
  ],
  [
    /^(.+?) is not a commitment type for (\S+) \((.+?); allowed: (.+)\)$/,
    '$1 bukan jenis komitmen untuk pola $2 ($3; yang diizinkan: $4)',
  ],
  [/^(.+?) is not a support type for (\S+) \(allowed: (.+)\)$/, '$1 bukan jenis dukungan untuk pola $2 (yang diizinkan: $3)'],
  [
    /^(.+?) is not a human-resources coaching activity \(allowed: (.+)\)$/,
    '$1 bukan kegiatan pembinaan sumber daya manusia (yang diizinkan: $2)',
  ],
  [/^(.+?) is not a KBLI 2020 code known to the platform$/, '$1 bukan kode KBLI 2020 yang dikenal oleh platform'],
  [/^(.+?) is not a Kemendagri region code$/, '$1 bukan kode wilayah Kemendagri yang dikenal'],
];
