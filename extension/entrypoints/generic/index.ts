import { runStub } from '../../runtime/stub';

// Registered at run time, only after the shopper granted any-site access in the options (background/generic.ts):
// the same small first part on every site; detection and the badge are injected only where a shop may be.
export default defineUnlistedScript(() => runStub(__XINBIAO_PROBE__));
