// GB 32100-2015 code tables, Chinese names only: what parseUscc and checkUscc report. English names: tables.ts.
export interface DepartmentZh {
  zh: string;
  /** Category (second character) → name. */
  categories: Record<string, string>;
}

/** Registration department (first character) → its name and categories. */
export const DEPARTMENTS_ZH: Record<string, DepartmentZh> = {
  '1': { zh: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { zh: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { zh: '司法行政', categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { zh: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { zh: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { zh: '旅游', categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { zh: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { zh: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { zh: '市场监管（工商）', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { zh: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { zh: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { zh: '其他', categories: { '1': '其他' } },
};

/** First two digits of a GB/T 2260 region code → province. */
export const PROVINCES_ZH: Record<string, string> = {
  '10': '全国', '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古', '21': '辽宁', '22': '吉林',
  '23': '黑龙江', '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南', '50': '重庆', '51': '四川',
  '52': '贵州', '53': '云南', '54': '西藏', '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门',
};

/** Province (Chinese name) of a GB/T 2260 region code, or null when the first two digits name none. */
export function provinceName(region: string): string | null {
  return PROVINCES_ZH[region.slice(0, 2)] ?? null;
}
