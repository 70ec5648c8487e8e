import '@evikomp/portal-shared/styles.css';
import { startShell } from './start-shell.js';

void startShell();
