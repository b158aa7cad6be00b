import { mountBadge } from '../../runtime/mount-badge';
import { offerBadge } from '../../runtime/badge-part';

// The badge UI (Preact, shared widget badge and licence card): injected by the background only when the detection
// part has a subject to draw (runtime/badge-part.ts).
export default defineUnlistedScript(() => offerBadge(mountBadge));
