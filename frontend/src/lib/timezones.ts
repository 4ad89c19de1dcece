const fallbackZones = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid',
  'Europe/Rome', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Stockholm',
  'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki', 'Europe/Warsaw', 'Europe/Prague', 'Europe/Athens',
  'Europe/Istanbul', 'Europe/Kyiv', 'Africa/Cairo', 'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi',
  'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Seoul',
  'Australia/Sydney', 'Australia/Perth', 'Pacific/Auckland', 'America/New_York', 'America/Toronto',
  'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Mexico_City', 'America/Sao_Paulo',
  'America/Buenos_Aires', 'America/Bogota',
];

let cached: string[] | null = null;

/** timeZones lists the IANA zone names the browser knows, UTC first. */
export function timeZones(): string[] {
  if (cached) return cached;
  let zones: string[];
  try {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    zones = [];
  }
  if (zones.length === 0) zones = fallbackZones;
  cached = ['UTC', ...zones.filter((z) => z !== 'UTC')];
  return cached;
}

/** timeZoneOptions are the zones for a Select, including value if the browser lacks it (an alias). */
export function timeZoneOptions(value?: string | null): string[] {
  const zones = timeZones();
  return value && !zones.includes(value) ? [value, ...zones] : zones;
}
