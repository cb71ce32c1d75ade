/** A holidays region: a country (ISO 3166-1 alpha-2) or a country and subdivision (ISO 3166-2): `US`, `DE-BY`. */
const REGION = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

/** The region as written (`de-by` is read as `DE-BY`), or null when it is not one. No YAML here: the hot path reads it. */
export function parseRegion(text: string): string | null {
  const region = text.trim().toUpperCase();
  return REGION.test(region) ? region : null;
}
