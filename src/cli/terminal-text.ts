/**
 * C0 controls but tab and newline (ESC, BEL, a bare CR that rewrites the line...), DEL, and the C1
 * controls U+0080-U+009F, which many terminals obey as ESC sequences too (U+009B is CSI, U+009D OSC):
 * a document could otherwise recolour, retitle or clear the terminal, or hide a link (OSC 8).
 */
const CONTROLS = /\u001b\[(?:1|22)m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bold on and off: the answer's highlight (render-answer), the one escape let through (at worst, bold text). */
const BOLD_ON_OFF = new Set(['\u001b[1m', '\u001b[22m']);
const C0 = /[\u0000-\u0008\u000b-\u001f]/g;
const C1_AND_DEL = /[\u007f-\u009f]/g;

/** Text for a human's terminal, with every control character but tab and newline dropped (bold aside). */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, (match) => (BOLD_ON_OFF.has(match) ? match : ''));
}

/**
 * JSON text for the terminal: JSON.stringify escapes C0 controls (`\u001b`) but writes DEL and C1
 * controls raw, so those are escaped here. They only ever occur inside strings, so the JSON stays
 * valid and parses to the same values. A raw C0 control cannot be in valid JSON at all: dropped.
 */
export function terminalJson(json: string): string {
  return json.replace(C0, '').replace(C1_AND_DEL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
