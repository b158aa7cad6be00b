// GB 32100-2015 code tables, kept as data: department → its categories.
export interface NamePair { zh: string; en: string }

export const DEPARTMENTS: Record<string, NamePair & { categories: Record<string, NamePair> }> = {
  '1': { zh: '机构编制', en: 'Institutional establishment', categories: {
    '1': { zh: '机关', en: 'Government organ' }, '2': { zh: '事业单位', en: 'Public institution' },
    '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation' }, '9': { zh: '其他', en: 'Other' } } },
  '2': { zh: '外交', en: 'Foreign affairs', categories: {
    '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': { zh: '其他', en: 'Other' } } },
  '3': { zh: '司法行政', en: 'Judicial administration', categories: {
    '1': { zh: '律师执业机构', en: 'Law firm' }, '2': { zh: '公证处', en: 'Notary office' },
    '3': { zh: '基层法律服务所', en: 'Legal service office' }, '4': { zh: '司法鉴定机构', en: 'Forensic institution' },
    '5': { zh: '仲裁委员会', en: 'Arbitration commission' }, '9': { zh: '其他', en: 'Other' } } },
  '4': { zh: '文化', en: 'Culture', categories: {
    '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' }, '9': { zh: '其他', en: 'Other' } } },
  '5': { zh: '民政', en: 'Civil affairs', categories: {
    '1': { zh: '社会团体', en: 'Social organisation' }, '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
    '3': { zh: '基金会', en: 'Foundation' }, '9': { zh: '其他', en: 'Other' } } },
  '6': { zh: '旅游', en: 'Tourism', categories: {
    '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' },
    '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'HK/Macao/Taiwan tourism office' }, '9': { zh: '其他', en: 'Other' } } },
  '7': { zh: '宗教', en: 'Religious affairs', categories: {
    '1': { zh: '宗教活动场所', en: 'Place of worship' }, '2': { zh: '宗教院校', en: 'Religious school' }, '9': { zh: '其他', en: 'Other' } } },
  '8': { zh: '工会', en: 'Trade union', categories: {
    '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': { zh: '其他', en: 'Other' } } },
  '9': { zh: '市场监管（工商）', en: 'Market regulation', categories: {
    '1': { zh: '企业', en: 'Enterprise' }, '2': { zh: '个体工商户', en: 'Individual business' },
    '3': { zh: '农民专业合作社', en: 'Farmers’ cooperative' } } },
  A: { zh: '中央军委改革和编制办公室', en: 'Central Military Commission', categories: {
    '1': { zh: '军队事业单位', en: 'Military institution' }, '9': { zh: '其他', en: 'Other' } } },
  N: { zh: '农业', en: 'Agriculture', categories: {
    '1': { zh: '组级集体经济组织', en: 'Group-level collective' }, '2': { zh: '村级集体经济组织', en: 'Village-level collective' },
    '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective' }, '9': { zh: '其他', en: 'Other' } } },
  Y: { zh: '其他', en: 'Other', categories: { '1': { zh: '其他', en: 'Other' } } },
};

export const PROVINCES: Record<string, NamePair> = {
  '10': { zh: '全国', en: 'National' },
  '11': { zh: '北京', en: 'Beijing' }, '12': { zh: '天津', en: 'Tianjin' }, '13': { zh: '河北', en: 'Hebei' },
  '14': { zh: '山西', en: 'Shanxi' }, '15': { zh: '内蒙古', en: 'Inner Mongolia' }, '21': { zh: '辽宁', en: 'Liaoning' },
  '22': { zh: '吉林', en: 'Jilin' }, '23': { zh: '黑龙江', en: 'Heilongjiang' }, '31': { zh: '上海', en: 'Shanghai' },
  '32': { zh: '江苏', en: 'Jiangsu' }, '33': { zh: '浙江', en: 'Zhejiang' }, '34': { zh: '安徽', en: 'Anhui' },
  '35': { zh: '福建', en: 'Fujian' }, '36': { zh: '江西', en: 'Jiangxi' }, '37': { zh: '山东', en: 'Shandong' },
  '41': { zh: '河南', en: 'Henan' }, '42': { zh: '湖北', en: 'Hubei' }, '43': { zh: '湖南', en: 'Hunan' },
  '44': { zh: '广东', en: 'Guangdong' }, '45': { zh: '广西', en: 'Guangxi' }, '46': { zh: '海南', en: 'Hainan' },
  '50': { zh: '重庆', en: 'Chongqing' }, '51': { zh: '四川', en: 'Sichuan' }, '52': { zh: '贵州', en: 'Guizhou' },
  '53': { zh: '云南', en: 'Yunnan' }, '54': { zh: '西藏', en: 'Tibet' }, '61': { zh: '陕西', en: 'Shaanxi' },
  '62': { zh: '甘肃', en: 'Gansu' }, '63': { zh: '青海', en: 'Qinghai' }, '64': { zh: '宁夏', en: 'Ningxia' },
  '65': { zh: '新疆', en: 'Xinjiang' }, '71': { zh: '台湾', en: 'Taiwan' }, '81': { zh: '香港', en: 'Hong Kong' },
  '82': { zh: '澳门', en: 'Macao' },
};

/** Province (Chinese name) of a GB/T 2260 region code, or null when the first two digits name none. */
export function provinceName(region: string): string | null {
  return PROVINCES[region.slice(0, 2)]?.zh ?? null;
}
