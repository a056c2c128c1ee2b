/** journey's version, as `journey --version` prints it and the outputs that name their tool. */
export const VERSION = "0.1.0";

/** Where users learn about journey: SARIF's `informationUri`, links to the rule pages. */
export const HOMEPAGE = "https://github.com/journey-maps/journey";
