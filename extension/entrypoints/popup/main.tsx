import { render } from 'preact';
import { settings } from '../../platform/storage';
import { applyLook, langOf } from '../../ui/lang';
import '../../ui/page.css';
import { Popup } from './Popup';
import { DemoBanner } from '../../platform/edition';

// Opened as the toolbar popup, or as a tab with ?tab=<id> (tests, keyboard users).
const s = await settings.getValue();
applyLook(s.language, s.theme);
const param = Number(new URLSearchParams(location.search).get('tab'));
const tabId = Number.isInteger(param) && param > 0 ? param : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
render(<><DemoBanner lang={langOf(s.language)} /><Popup lang={langOf(s.language)} tabId={tabId} /></>, document.getElementById('app')!);
