import { common } from './common.ts';
import { directory } from './directory.ts';
import { errors } from './errors.ts';
import { sidePanel } from './side-panel.ts';
import { signIn } from './sign-in.ts';
import { sources } from './sources.ts';
import { sync } from './sync.ts';
import { wizard } from './wizard.ts';

/** English, the reference language: one namespace per part of the app. */
export const en = { common, directory, errors, sidePanel, signIn, sources, sync, wizard } as const;
