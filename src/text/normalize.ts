/**
 * What `redundant-question` sets aside when it compares two questions, each rule written once:
 * case, accents and punctuation (`normalizeText`), function words (`isFunctionWord`), plural and
 * feminine endings (`foldEnding`). Everything else reads these three: `fold` tables
 * `normalizeText` per code unit, content-words.ts makes a text's word set of them, and the
 * near-duplicate search passes each distinct word of its texts through `isFunctionWord` and
 * `foldEnding` once. A test changes each rule and checks the search follows.
 */

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

/**
 * Function words of English and French questions: what a template shares ("how satisfied are you
 * with the …", « êtes-vous satisfait de la … »), not what a question is about. Negations are not
 * here: "not", « pas », « jamais » change a question's meaning.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the to of in on at for with by from and or is are was were be been being am do did does " +
    "have has had you your yours we our us it its this that these those i my me he she they them " +
    "their how what which who whom when where why would could should will can shall may might " +
    "le la les l un une des de du d au aux a et ou en est etait sont etes avez avait vous votre vos " +
    "nous notre nos il elle ils elles ce cet cette ces c qu que qui quel quelle quels quelles " +
    "comment se s sur pour par avec dans y je j me m te t tu mon ma mes ton ta tes son sa ses " +
    "leur leurs"
  ).split(" "),
);

/** Whether a word of a normalised text is a function word (`FUNCTION_WORDS`). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

/**
 * A word with its plural and feminine endings set aside: a final s (not ss) or x is dropped, then
 * a final e, each only while the word keeps more than three letters; then a final y is read as i.
 * "delivery" and "deliveries" → "deliveri", « satisfait » and « satisfaites » → "satisfait".
 */
export function foldEnding(word: string): string {
  let folded = word;
  const plural = folded.endsWith("x") || (folded.endsWith("s") && !folded.endsWith("ss"));
  if (folded.length > 3 && plural) folded = folded.slice(0, -1);
  if (folded.length > 3 && folded.endsWith("e")) folded = folded.slice(0, -1);
  if (folded.length > 3 && folded.endsWith("y")) folded = `${folded.slice(0, -1)}i`;
  return folded;
}
