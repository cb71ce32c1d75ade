/**
 * The renderers' entry point to the sanitiser. It lives in core/ (it is pure) so that the store can
 * also make the warnings it writes (which quote file names and values) safe where they are made.
 */
export { sanitizeBlock, sanitizeInline } from '../core/sanitize.js';
