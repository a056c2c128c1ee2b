/** Letters that Unicode does not decompose but a reader takes for two: French and German ligatures. */
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ĳ: "ij" };

/**
 * A question's text as a reader compares it: lower case, without accents (é → e, œ → oe),
 * punctuation and apostrophes (’ ' « » ? ! …) turned into spaces, white space collapsed.
 * "Êtes-vous satisfait(e) de l’accueil ?" → "etes vous satisfait e de l accueil".
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[œæßĳ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
