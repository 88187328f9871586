import { useMemo } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useT } from '../i18n';
import { formatDate, formatDateTime, formatNumber, formatRupiah, todayIn } from './format';
import { type Zone, zoneLabel } from './zones';

/** Formatters bound to the UI language and the signed-in user's zone (WIB/WITA/WIT). */
export function useFormat() {
  const { lang } = useT();
  const { zone } = useAuth();
  return useMemo(
    () => ({
      lang,
      zone,
      zoneLabel: zoneLabel(zone),
      money: formatRupiah,
      number: (n: number | null | undefined) => formatNumber(n, lang),
      date: (d: string | Date | null | undefined, z: Zone = zone) => formatDate(d, lang, z),
      shortDate: (d: string | Date | null | undefined, z: Zone = zone) => formatDate(d, lang, z, 'short'),
      dateTime: (d: string | Date | null | undefined, z: Zone = zone) => formatDateTime(d, lang, z),
      today: () => todayIn(zone),
    }),
    [lang, zone],
  );
}
