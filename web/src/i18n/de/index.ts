import { common } from './common.ts';
import { directory } from './directory.ts';
import { errors } from './errors.ts';
import { sidePanel } from './side-panel.ts';
import { signIn } from './sign-in.ts';
import { sources } from './sources.ts';
import { sync } from './sync.ts';
import { wizard } from './wizard.ts';

/** German: the incumbents' customers are largely German-speaking. */
export const de = { common, directory, errors, sidePanel, signIn, sources, sync, wizard };
