// GB 32100-2015 code tables with Chinese and English names. The Chinese names live in names-zh.ts, so code that
// shows only those (parseUscc, checkUscc, the widget) does not carry the English ones.
import { DEPARTMENTS_ZH, PROVINCES_ZH } from './names-zh';

export interface NamePair { zh: string; en: string }

/** Department → [English name, category → English name]; the same keys as DEPARTMENTS_ZH. */
const DEPARTMENTS_EN: Record<string, [string, Record<string, string>]> = {
  '1': ['Institutional establishment', { '1': 'Government organ', '2': 'Public institution', '3': 'Mass organisation', '9': 'Other' }],
  '2': ['Foreign affairs', { '1': 'Resident foreign news agency', '9': 'Other' }],
  '3': ['Judicial administration', { '1': 'Law firm', '2': 'Notary office', '3': 'Legal service office', '4': 'Forensic institution', '5': 'Arbitration commission', '9': 'Other' }],
  '4': ['Culture', { '1': 'Foreign cultural centre', '9': 'Other' }],
  '5': ['Civil affairs', { '1': 'Social organisation', '2': 'Private non-enterprise unit', '3': 'Foundation', '9': 'Other' }],
  '6': ['Tourism', { '1': 'Foreign tourism office', '2': 'HK/Macao/Taiwan tourism office', '9': 'Other' }],
  '7': ['Religious affairs', { '1': 'Place of worship', '2': 'Religious school', '9': 'Other' }],
  '8': ['Trade union', { '1': 'Grassroots trade union', '9': 'Other' }],
  '9': ['Market regulation', { '1': 'Enterprise', '2': 'Individual business', '3': 'Farmers’ cooperative' }],
  A: ['Central Military Commission', { '1': 'Military institution', '9': 'Other' }],
  N: ['Agriculture', { '1': 'Group-level collective', '2': 'Village-level collective', '3': 'Township-level collective', '9': 'Other' }],
  Y: ['Other', { '1': 'Other' }],
};

const PROVINCES_EN: Record<string, string> = {
  '10': 'National', '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia', '21': 'Liaoning',
  '22': 'Jilin', '23': 'Heilongjiang', '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian',
  '36': 'Jiangxi', '37': 'Shandong', '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi',
  '46': 'Hainan', '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet', '61': 'Shaanxi',
  '62': 'Gansu', '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang', '71': 'Taiwan', '81': 'Hong Kong', '82': 'Macao',
};

const pairs = (zh: Record<string, string>, en: Record<string, string>): Record<string, NamePair> =>
  Object.fromEntries(Object.entries(zh).map(([k, name]) => [k, { zh: name, en: en[k]! }]));

/** Department → its names and categories, both languages. */
export const DEPARTMENTS: Record<string, NamePair & { categories: Record<string, NamePair> }> = Object.fromEntries(
  Object.entries(DEPARTMENTS_ZH).map(([d, { zh, categories }]) => {
    const [en, categoriesEn] = DEPARTMENTS_EN[d]!;
    return [d, { zh, en, categories: pairs(categories, categoriesEn) }];
  }),
);

/** First two digits of a region code → province names, both languages. */
export const PROVINCES: Record<string, NamePair> = pairs(PROVINCES_ZH, PROVINCES_EN);
