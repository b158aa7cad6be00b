// A population with known credit classes in the demo lists (samples/lists), for the weighted 双随机 draw: the USCC
// after each page decides its class. Paths are relative to the repository root.
const FIX = 'test/fixtures/audit';

/** [saved page, operator's USCC or ''] in population order. */
export const CREDIT_POPULATION: readonly (readonly [string, string])[] = [
  [`${FIX}/good-shop.html`, '91990000MA1N8K024W'], // red list → red-top
  [`${FIX}/samr-link.html`, '91990000MA2H7Q013E'], // tax level A → red-top
  [`${FIX}/blacklisted.html`, '91990000MA5G3R035Y'], // black list → black
  [`${FIX}/blacklisted-warned.html`, '91990000MA5G3R035Y'], // black
  [`${FIX}/mismatch.html`, '92990000MA8T4W04X1'], // abnormal
  [`${FIX}/bad-uscc.html`, ''], // no code → no-record
  [`${FIX}/home-ok.html`, ''], // no-record
  [`${FIX}/missing-licence.html`, ''], // no-record
];

/** The class of each member above, by hand from the demo lists. */
export const CREDIT_CLASSES_OF = ['red-top', 'red-top', 'black', 'black', 'abnormal', 'no-record', 'no-record', 'no-record'];

/** Rates and the counts they must give: black 2 × 1, abnormal 1 × 1, no-record round(3 × 0.34) = 1, red-top round(2 × 0.5) = 1. */
export const CREDIT_WEIGHTS = { black: 1, abnormal: 1, 'no-record': 0.34, 'red-top': 0.5 };
export const CREDIT_DRAWN = { black: 2, abnormal: 1, caution: 0, 'no-record': 1, 'red-top': 1 };

/** The `--list` file of the population: one page a line, with its USCC when it has one. */
export const populationList = (): string => CREDIT_POPULATION.map(([p, u]) => `${p} ${u}`.trim()).join('\n');
