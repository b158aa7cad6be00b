import { render } from 'preact';
import { settings } from '../../platform/storage';
import { applyLook } from '../../ui/lang';
import '../../ui/page.css';
import { Options } from './Options';

const s = await settings.getValue();
applyLook(s.language, s.theme);
render(<Options initial={s} />, document.getElementById('app')!);
