import { useMantineTheme } from '@mantine/core';

/** Logo is Tandem's mark: two linked rings, two people going together. */
export function Logo({ size = 28 }: { size?: number }) {
  const theme = useMantineTheme();
  const a = theme.colors.indigo[6];
  const b = theme.colors.teal[5];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="8" fill="none" stroke={a} strokeWidth="3.5" />
      <circle cx="20" cy="16" r="8" fill="none" stroke={b} strokeWidth="3.5" />
    </svg>
  );
}
