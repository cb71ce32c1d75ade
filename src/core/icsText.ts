/** RFC 5545's text rules, pure: TEXT escaping, content lines folded at 75 octets, CRLF line ends. */

/** A TEXT value (SUMMARY, DESCRIPTION): backslash, semicolon, comma and line ends escaped (§3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const MAX_OCTETS = 75;

/**
 * One content line, folded so that no physical line exceeds 75 octets (§3.1): a continuation
 * starts with one space, which counts. Splits fall between characters, never inside a UTF-8
 * sequence (or between a surrogate pair), so every physical line is valid UTF-8 on its own.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The lines as an iCalendar stream: each folded, each ended by CRLF. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
