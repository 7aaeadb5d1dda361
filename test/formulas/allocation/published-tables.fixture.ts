/**
 * Reference data for the published U.S. House apportionments made by Hamilton's (Vinton's)
 * method with the constitutional minimum of one seat. Used by published-tables.test.ts.
 *
 * POPULATIONS — state totals of the 1880 and 1890 censuses, the U.S. Census Bureau's decennial
 * state series, as compiled by Lincoln Mullen: GitHub lmullen/lincolnmullen.com,
 * content/page/history-datasets/us-state-populations-wide.csv (commit 9978cf5fd6d7a78fc1a0733fcaf50eb152575ea2),
 * rows 1880 and 1890, columns of the states of that year (territories and the District of
 * Columbia left out, as the apportionment leaves them out). Copied digit for digit.
 * Cross-checks that these are the figures the apportionments used:
 * - 1880: the 38 states sum to 49,371,340 — the population base of the 1880 apportionment
 *   ("49,371,000", Davidson & Oleszek, Congress and Its Members, 5th ed. 1996, table reproduced at
 *   http://spot.colorado.edu/~mcguire/SIZEHOUS.html); Alabama 1,262,505, Texas 1,591,749,
 *   Illinois 3,077,871 are the figures G. Szpiro quotes for the Alabama paradox
 *   (https://www.georgeszpiro.com/7-alabama-paradox); the quotas they give are tested.
 * - 1890: the 44 states sum to 61,908,906 (same table: "61,909,000"); Maine 661,086, New
 *   Hampshire 376,530, New York 5,997,853 … also appear in the Census Office's own "Tabular
 *   statements … apportionment … from 332 to 375 under the eleventh census" (1890, Library of
 *   Congress scan https://tile.loc.gov/storage-services/public/gdcmassbookdig/tabularstatement00unit_0/tabularstatement00unit_0_djvu.txt;
 *   its OCR is too damaged to transcribe whole, so it serves only as a spot check).
 *
 * SEATS — the acts of Congress, transcribed from:
 * - 1882 (325 seats): Act of February 25, 1882, text as printed in the Democratic Sentinel
 *   (Rensselaer, Indiana), 3 March 1882, "New apportionment", https://newspapers.library.in.gov/?a=d&d=DMST18820303.2.6.
 *   The OCR reads "New York .35"; the act fixes 325 members and the other 37 states sum to 291,
 *   so New York's number is 34 (35 would make 326). No other figure needed reading around.
 * - 1891 (356 seats): Act of February 7, 1891, ch. 116, 26 Stat. 735, Wikisource page
 *   "Page:United States Statutes at Large Volume 26.djvu/788" (OCR: "Minnesota, even" is seven;
 *   the 44 numbers sum to 356 as the act says).
 */

export interface PublishedTable {
  readonly states: readonly string[];
  readonly population: readonly number[];
}

function table(rows: ReadonlyArray<readonly [string, number]>): PublishedTable {
  return { states: rows.map(([s]) => s), population: rows.map(([, p]) => p) };
}

/** The 38 states of 1880, census population. */
export const CENSUS_1880 = table([
  ['Alabama', 1262505], ['Arkansas', 802525], ['California', 864694], ['Colorado', 194327],
  ['Connecticut', 622700], ['Delaware', 146608], ['Florida', 269493], ['Georgia', 1542180],
  ['Illinois', 3077871], ['Indiana', 1978301], ['Iowa', 1624615], ['Kansas', 996096],
  ['Kentucky', 1648690], ['Louisiana', 939946], ['Maine', 648936], ['Maryland', 934943],
  ['Massachusetts', 1783085], ['Michigan', 1636937], ['Minnesota', 780773], ['Mississippi', 1131597],
  ['Missouri', 2168380], ['Nebraska', 452402], ['Nevada', 62266], ['New Hampshire', 346991],
  ['New Jersey', 1131116], ['New York', 5082871], ['North Carolina', 1399750], ['Ohio', 3198062],
  ['Oregon', 174768], ['Pennsylvania', 4282891], ['Rhode Island', 276531], ['South Carolina', 995577],
  ['Tennessee', 1542359], ['Texas', 1591749], ['Vermont', 332286], ['Virginia', 1512565],
  ['West Virginia', 618457], ['Wisconsin', 1315497],
]);

/** Seats by the Act of February 25, 1882 (325 members), in CENSUS_1880's state order. */
export const ACT_1882_SEATS: Readonly<Record<string, number>> = {
  Alabama: 8, Arkansas: 5, California: 6, Colorado: 1, Connecticut: 4, Delaware: 1, Florida: 2,
  Georgia: 10, Illinois: 20, Indiana: 13, Iowa: 11, Kansas: 7, Kentucky: 11, Louisiana: 6, Maine: 4,
  Maryland: 6, Massachusetts: 12, Michigan: 11, Minnesota: 5, Mississippi: 7, Missouri: 14, Nebraska: 3,
  Nevada: 1, 'New Hampshire': 2, 'New Jersey': 7, 'New York': 34, 'North Carolina': 9, Ohio: 21,
  Oregon: 1, Pennsylvania: 28, 'Rhode Island': 2, 'South Carolina': 7, Tennessee: 10, Texas: 11,
  Vermont: 2, Virginia: 10, 'West Virginia': 4, Wisconsin: 9,
};

/** The 44 states of 1890, census population. */
export const CENSUS_1890 = table([
  ['Alabama', 1513017], ['Arkansas', 1128179], ['California', 1208130], ['Colorado', 412198],
  ['Connecticut', 746258], ['Delaware', 168493], ['Florida', 391422], ['Georgia', 1837353],
  ['Idaho', 84385], ['Illinois', 3826351], ['Indiana', 2192404], ['Iowa', 1911896],
  ['Kansas', 1427096], ['Kentucky', 1858635], ['Louisiana', 1118587], ['Maine', 661086],
  ['Maryland', 1042390], ['Massachusetts', 2238943], ['Michigan', 2093889], ['Minnesota', 1301826],
  ['Mississippi', 1289600], ['Missouri', 2679184], ['Montana', 132159], ['Nebraska', 1058910],
  ['Nevada', 45761], ['New Hampshire', 376530], ['New Jersey', 1444933], ['New York', 5997853],
  ['North Carolina', 1617947], ['North Dakota', 182719], ['Ohio', 3672316], ['Oregon', 313767],
  ['Pennsylvania', 5258014], ['Rhode Island', 345506], ['South Carolina', 1151149], ['South Dakota', 328808],
  ['Tennessee', 1767518], ['Texas', 2235523], ['Vermont', 332422], ['Virginia', 1655980],
  ['Washington', 349390], ['West Virginia', 762794], ['Wisconsin', 1686880], ['Wyoming', 60705],
]);

/** Seats by the Act of February 7, 1891 (356 members). */
export const ACT_1891_SEATS: Readonly<Record<string, number>> = {
  Alabama: 9, Arkansas: 6, California: 7, Colorado: 2, Connecticut: 4, Delaware: 1, Florida: 2,
  Georgia: 11, Idaho: 1, Illinois: 22, Indiana: 13, Iowa: 11, Kansas: 8, Kentucky: 11, Louisiana: 6,
  Maine: 4, Maryland: 6, Massachusetts: 13, Michigan: 12, Minnesota: 7, Mississippi: 7, Missouri: 15,
  Montana: 1, Nebraska: 6, Nevada: 1, 'New Hampshire': 2, 'New Jersey': 8, 'New York': 34,
  'North Carolina': 9, 'North Dakota': 1, Ohio: 21, Oregon: 2, Pennsylvania: 30, 'Rhode Island': 2,
  'South Carolina': 7, 'South Dakota': 2, Tennessee: 10, Texas: 13, Vermont: 2, Virginia: 10,
  Washington: 2, 'West Virginia': 4, Wisconsin: 10, Wyoming: 1,
};

/**
 * The Alabama paradox as published: C. W. Seaton, chief clerk of the Census Office, found that
 * Alabama got 8 of 299 seats but 7 of 300. Quotas to three decimals from B. Cipra, "E Pluribus
 * Confusion", American Scientist 98(4), 2010, p. 4 of the online article
 * (http://www.americanscientist.org/issues/pub/e-pluribus-confusion/4): at 299 Alabama 7.646,
 * Texas 9.640, Illinois 18.640 and Alabama's fraction "barely beat out" the other two for the
 * last seat; at 300 Alabama 7.671, Texas 9.672, Illinois 18.702, and Illinois and Texas took
 * the 299th and 300th seats. (The same figures: Szpiro, cited above.)
 */
export const ALABAMA_PARADOX = {
  299: { Alabama: { quota: '7.646', seats: 8 }, Texas: { quota: '9.640', seats: 9 }, Illinois: { quota: '18.640', seats: 18 } },
  300: { Alabama: { quota: '7.671', seats: 7 }, Texas: { quota: '9.672', seats: 10 }, Illinois: { quota: '18.702', seats: 19 } },
} as const;
