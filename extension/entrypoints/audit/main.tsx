import { render } from 'preact';
import '../../ui/page.css';
import './audit.css';
import { AuditPanel } from './AuditPanel';
import { AuditStore } from '../../audit/db';

// Opened as a tab: ?tab=<id> or ?url=<address> names the page to audit; without either, the last active page.
const params = new URLSearchParams(location.search);
const store = await AuditStore.open();
const self = (await browser.tabs.getCurrent())?.id;
render(<AuditPanel store={store} selfTab={self} tabParam={params.get('tab')} urlParam={params.get('url')} />, document.getElementById('app')!);
