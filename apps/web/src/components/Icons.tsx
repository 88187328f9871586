/** The few icons the console needs, inline (no icon package). Decorative: callers label the control. */
export function BellIcon({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0b7285" />
      <path d="M9 20c3 4 11 4 14 0" stroke="#fff" strokeWidth="3" strokeLinecap="round" fill="none" />
      <circle cx="11" cy="12" r="2" fill="#fff" />
      <circle cx="21" cy="12" r="2" fill="#fff" />
    </svg>
  );
}
