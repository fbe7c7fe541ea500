// Countries: the ISO 3166-1 alpha-2 codes (officially assigned) and the regions that make a
// destination "regional" rather than "international" for the rate table.

const ISO_3166_ALPHA_2 = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;

const COUNTRIES: ReadonlySet<string> = new Set(ISO_3166_ALPHA_2.trim().split(/\s+/));

/** An officially assigned ISO 3166-1 alpha-2 code, upper case ("US", "DE"). */
export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

/** Neighbouring countries ship at the regional rate; a country in no region is international to all. */
const REGIONS: Record<string, readonly string[]> = {
  'north-america': ['US', 'CA', 'MX'],
  europe: [
    // The EU, the EEA, Switzerland and the United Kingdom: one road and rail network.
    'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
    'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'AD', 'SM', 'VA',
  ],
  'south-america': ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'],
  'east-asia': ['CN', 'HK', 'MO', 'TW', 'JP', 'KR', 'MN'],
  'southeast-asia': ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'],
  oceania: ['AU', 'NZ'],
};

const REGION_OF: ReadonlyMap<string, string> = new Map(Object.entries(REGIONS).flatMap(([region, codes]) => codes.map((c) => [c, region] as const)));

export function regionOf(country: string): string | undefined {
  return REGION_OF.get(country);
}
