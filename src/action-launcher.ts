/** The action's entry (action.yml `main`, bundled into dist/index.js): starts dist/action/. */
import { launch } from './exec/launch.js';

launch(import.meta.url, 'action/index.js');
