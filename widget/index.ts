// ESM entry (dist/widget/xinbiao.mjs): defines the elements on import and exports the API and the shared UI.
import { scan, update, type XinBiaoApi } from './api';
import { define } from './elements/define';

export const VERSION = '0.1.0';
export { define, scan, update, type XinBiaoApi };
export { XinbiaoMark } from './elements/mark';
export { XinbiaoQuery } from './elements/query';
export { ShopBadge, type ShopBadgeProps } from './ui/ShopBadge';
export { mountInShadow, type ShadowMount } from './ui/mount';
export type { MarkCheckView, SubjectView, VerdictView, Lang } from './ui/types';
/** The licence card is in the lazy chunk (with LicenceCard and CARD_CSS): load it when it is needed. */
export const loadLicenceCard = () => import('./lazy');

define();

const api: XinBiaoApi = { version: VERSION, ready: undefined as unknown as Promise<XinBiaoApi>, update, scan };
api.ready = Promise.resolve(api);
export const ready = api.ready;
export default api;
