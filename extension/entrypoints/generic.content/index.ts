import { startStub } from '../../runtime/stub';

// Registered at run time, only after the shopper granted any-site access in the options: the same small first part
// on every site; detection and the badge are injected only where a shop may be.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main: startStub,
});
