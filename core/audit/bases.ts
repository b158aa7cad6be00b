// Legal bases the rules cite (docs/audit.md): cited, never quoted.

export const ECL15 = '《电子商务法》第十五条';
export const ECL10 = '《电子商务法》第十条';
export const OTM12 = '《网络交易监督管理办法》第十二条';
export const GB32100 = 'GB 32100-2015';
export const LOCAL_P1 = '地方电子商务诚信建设实施办法：亮照亮标（营业执照、身份核验标识、信用等级或电子链接标识）';
export const LOCAL_P2 = '地方电子商务诚信建设实施办法：平台首页设置信用查询窗口';
export const LOCAL_P3 = '地方电子商务诚信建设实施办法：对严重失信商家发布风险提示';
