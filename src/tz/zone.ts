/**
 * IANA zone names. `Intl` is too lenient to be the judge on its own: it matches case-insensitively
 * ("europe/berlin"), and ICU adds ids that are not IANA names ("PST", "IST", "SystemV/AST4"). So a
 * name must be spelled the way IANA spells it AND be known to `Intl`. Aliases stay valid even where
 * ICU resolves them to an older canonical id (Europe/Kyiv -> Europe/Kiev, Asia/Kolkata -> Asia/Calcutta).
 */

/** Every part is Title-case words joined by "_" or "-" ("America/Port_Moresby", "Asia/Ust-Nera"). */
const REGULAR_NAME = /^[A-Z][a-z]*(?:[_-][A-Z][a-z]*)*(?:\/[A-Z][a-z]*(?:[_-][A-Z][a-z]*)*)*$/;
const ETC_OFFSET = /^Etc\/GMT[+-]\d{1,2}$/;

/** The IANA names (tzdata 2025) that are not regular Title-case. Checked as exact spellings. */
const IRREGULAR_NAMES = new Set(
  (
    'Africa/Dar_es_Salaam America/Argentina/ComodRivadavia America/Knox_IN America/Port-au-Prince ' +
    'America/Port_of_Spain Antarctica/DumontDUrville Antarctica/McMurdo Australia/ACT Australia/LHI ' +
    'Australia/NSW Brazil/DeNoronha CET CST6CDT Chile/EasterIsland EET EST EST5EDT Etc/GMT Etc/GMT0 ' +
    'Etc/UCT Etc/UTC Europe/Isle_of_Man GB GB-Eire GMT GMT0 HST MET MST MST7MDT Mexico/BajaNorte ' +
    'Mexico/BajaSur NZ NZ-CHAT PRC PST8PDT ROC ROK UCT US/Alaska US/Aleutian US/Arizona US/Central ' +
    'US/East-Indiana US/Eastern US/Hawaii US/Indiana-Starke US/Michigan US/Mountain US/Pacific ' +
    'US/Samoa UTC W-SU WET'
  ).split(' '),
);
const IRREGULAR_BY_LOWER = new Map([...IRREGULAR_NAMES].map((name) => [name.toLowerCase(), name]));

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing one costs far more than formatting with it. */
export function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidZone(name: string): boolean {
  if (!hasIanaSpelling(name)) return false;
  try {
    zoneFormatter(name);
    return true;
  } catch {
    return false;
  }
}

function hasIanaSpelling(name: string): boolean {
  if (IRREGULAR_NAMES.has(name) || ETC_OFFSET.test(name)) return true;
  // "Us/Eastern" is Title-case but a misspelling of an irregular name.
  if (IRREGULAR_BY_LOWER.has(name.toLowerCase())) return false;
  return REGULAR_NAME.test(name);
}
