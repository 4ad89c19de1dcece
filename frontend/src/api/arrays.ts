/** arr turns a Go nil slice (null in JSON) into an empty array, so the UI can map over it. */
export const arr = <T>(a: T[] | null | undefined): T[] => (Array.isArray(a) ? a : []);
