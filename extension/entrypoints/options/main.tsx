import { render } from 'preact';
import { settings } from '../../platform/storage';
import { applyLook, langOf } from '../../ui/lang';
import '../../ui/page.css';
import { Options } from './Options';
import { DemoBanner } from '../../platform/edition';

const s = await settings.getValue();
applyLook(s.language, s.theme);
render(<><DemoBanner lang={langOf(s.language)} /><Options initial={s} /></>, document.getElementById('app')!);
