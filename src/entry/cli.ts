#!/usr/bin/env node
/** The `algorithmia-wheel` command (package.json `bin`, dist/cli/index.js): starts dist/cli/main/. */
import { launch } from '../exec/launch.js';

launch(import.meta.url, 'main/index.js');
