// The recorded JD pages of two shops, at JD's own addresses: the tests answer these addresses from the fixture server,
// so that the address carries the shop id as it does on JD (only such pages may write the shop memory).
/** JD's addresses, any host of jd.com. */
export const JD = /^https?:\/\/[^/]*\.jd\.com\//;
/** JD address → fixture path; any other JD address is answered 404. */
export const JD_PAGES: Record<string, string> = {
  'https://mall.jd.com/showLicence-10001201.html': '/sites/jd/licence.html',
  'https://item.jd.com/100012000001.html': '/sites/jd/item.html', // shop 10001201, the operator in the shop link's hover title
  'https://item.jd.com/100012000002.html': '/sites/jd/item-no-operator.html', // same shop (pageConfig shopId 10001201)
  'https://item.jd.com/100033000001.html': '/sites/jd/item-new-shop.html', // shop 10033030, never seen
};
/** The operator of shop 10001201, as its licence page names it. */
export const JD_OPERATOR = '连云港示例守信电子商务有限公司';
