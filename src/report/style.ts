import chalk, { Chalk, type ChalkInstance } from "chalk";

/** How printed output looks: the terminal's colours and width, or neither (a file, a pipe). */
export interface Style {
  /** chalk level: 0 no colour … 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  /** The terminal's width, that tables and lint messages are fitted to; undefined: no limit. */
  width: number | undefined;
}

export const chalkFor = (style: Pick<Style, "colorLevel">): ChalkInstance =>
  new Chalk({ level: style.colorLevel });

/** What chalk detects of the terminal stdout is (TTY, FORCE_COLOR, TERM). */
export const detectedColorLevel = (): 0 | 1 | 2 | 3 => chalk.level;
