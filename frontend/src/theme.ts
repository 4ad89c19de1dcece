import { createTheme, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core';

/** theme is Tandem's Mantine theme: calm indigo, shades dark enough for white text (WCAG AA). */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Portal: { defaultProps: { target: '#overlays' } },
    Tooltip: { defaultProps: { openDelay: 300 } },
    // A modal's or drawer's header is not the page's banner: one <header> landmark per page.
    ModalHeader: { defaultProps: { component: 'div' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
    ModalCloseButton: { defaultProps: { 'aria-label': 'Close' } },
    DrawerCloseButton: { defaultProps: { 'aria-label': 'Close' } },
    Modal: { styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } },
    Drawer: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
  },
});

const colors = Object.keys(DEFAULT_THEME.colors);

/**
 * resolver raises text contrast to WCAG AA (4.5:1) in both schemes: "dimmed" text is darker
 * (lighter in dark mode) than Mantine's default, and in the light scheme the text of the light,
 * subtle and outline variants (badges, active navigation, light buttons) uses shade 9.
 */
export const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(colors.flatMap((c) => [
      [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
      [`--mantine-color-${c}-outline`, `var(--mantine-color-${c}-9)`],
    ])),
    // teal-9 is a hair short of 4.5:1 on its own tint.
    '--mantine-color-teal-light-color': '#076b4d',
    '--mantine-color-teal-outline': '#076b4d',
    // orange-9 and yellow-9 are far short (3.9:1 and 2.8:1): warnings and "on hold" use these.
    // Darker still than #b54708, so a badge keeps 4.5:1 on a selected (tinted) table row too.
    '--mantine-color-orange-light-color': '#93370d',
    '--mantine-color-orange-outline': '#93370d',
    '--mantine-color-yellow-light-color': '#855d00',
    '--mantine-color-yellow-outline': '#855d00',
    // White on red-6 is 3.8:1: every filled red button (confirmations, "Cancel session") uses red-9.
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51d1d',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
});
